import { plural } from '@agir/core';
import type { SignatureCounterMessages } from './en.js';

const de: SignatureCounterMessages = {
  label: ({ value }, locale) => plural(locale, Number(value), { one: 'Unterschrift', other: 'Unterschriften' }),
  countries: ({ value, formatted }, locale) => `in ${formatted} ${plural(locale, Number(value), { one: 'Land', other: 'Ländern' })}`,
  goal: 'Ziel: {formatted}',
  progress: '{count} {label} von {goal}',
  progressLabel: 'Fortschritt zum Ziel',
  loading: 'Die Zahl der Unterschriften wird geladen…',
  unavailable: 'Zahl nicht verfügbar',
};

export default de;
