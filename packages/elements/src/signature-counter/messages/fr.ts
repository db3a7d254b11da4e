import { plural } from '@agir/core';
import type { SignatureCounterMessages } from './en.js';

const fr: SignatureCounterMessages = {
  label: ({ value }, locale) => plural(locale, Number(value), { one: 'signature', other: 'signatures' }),
  countries: ({ formatted }) => `dans ${formatted} pays`,
  goal: 'Objectif\u202f: {formatted}',
  progress: '{count} {label} sur {goal}',
  progressLabel: 'Progression vers l’objectif',
  loading: 'Chargement du nombre de signatures…',
  unavailable: 'nombre indisponible',
};

export default fr;
