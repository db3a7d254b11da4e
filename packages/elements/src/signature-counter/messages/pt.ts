import { plural } from '@agir/core';
import type { SignatureCounterMessages } from './en.js';

// Português europeu (pt-PT), legível também no Brasil.
export default {
  label: ({ value }, locale) => plural(locale, Number(value), { one: 'assinatura', other: 'assinaturas' }),
  countries: ({ value, formatted }, locale) => `em ${formatted} ${plural(locale, Number(value), { one: 'país', other: 'países' })}`,
  goal: 'Objetivo: {formatted}',
  progress: '{count} {label} de {goal}',
  progressLabel: 'Progresso em direção ao objetivo',
  loading: 'A carregar o número de assinaturas…',
  unavailable: 'número indisponível',
} satisfies SignatureCounterMessages;
