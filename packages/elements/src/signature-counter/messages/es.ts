import { plural } from '@agir/core';
import type { SignatureCounterMessages } from './en.js';

const es: SignatureCounterMessages = {
  label: ({ value }, locale) => plural(locale, Number(value), { one: 'firma', other: 'firmas' }),
  countries: ({ value, formatted }, locale) => `en ${formatted} ${plural(locale, Number(value), { one: 'país', other: 'países' })}`,
  goal: 'Objetivo: {formatted}',
  progress: '{count} {label} de {goal}',
  progressLabel: 'Progreso hacia el objetivo',
  loading: 'Cargando el número de firmas…',
  unavailable: 'cifra no disponible',
};

export default es;
