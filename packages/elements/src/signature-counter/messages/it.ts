import { plural } from '@agir/core';
import type { SignatureCounterMessages } from './en.js';

export default {
  label: ({ value }, locale) => plural(locale, Number(value), { one: 'firma', other: 'firme' }),
  countries: ({ value, formatted }, locale) => `in ${formatted} ${plural(locale, Number(value), { one: 'paese', other: 'paesi' })}`,
  goal: 'Obiettivo: {formatted}',
  progress: '{count} {label} su {goal}',
  progressLabel: 'Avanzamento verso l’obiettivo',
  loading: 'Caricamento del numero di firme…',
  unavailable: 'numero non disponibile',
} satisfies SignatureCounterMessages;
