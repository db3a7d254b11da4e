import { plural } from '@agir/core';
import type { SignatureCounterMessages } from './en.js';

export default {
  label: ({ value }, locale) => plural(locale, Number(value), { one: 'handtekening', other: 'handtekeningen' }),
  countries: ({ value, formatted }, locale) => `in ${formatted} ${plural(locale, Number(value), { one: 'land', other: 'landen' })}`,
  goal: 'Doel: {formatted}',
  progress: '{count} {label} van {goal}',
  progressLabel: 'Voortgang naar het doel',
  loading: 'Het aantal handtekeningen wordt geladen…',
  unavailable: 'aantal niet beschikbaar',
} satisfies SignatureCounterMessages;
