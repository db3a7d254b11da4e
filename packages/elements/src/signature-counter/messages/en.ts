import { plural } from '@agir/core';

/**
 * English messages of signature-counter: the fallback of every other language. Functions receive
 * `{ value }` (the raw number, for plural rules) and `{ formatted }` (the number in the element's locale).
 */
const en = {
  /** The word after the number when no `label` attribute or slot is given (block layout). */
  label: ({ value }: Record<string, unknown>, locale: string) => plural(locale, Number(value), { one: 'signature', other: 'signatures' }),
  countries: ({ value, formatted }: Record<string, unknown>, locale: string) =>
    `in ${formatted} ${plural(locale, Number(value), { one: 'country', other: 'countries' })}`,
  goal: 'Goal: {formatted}',
  /** The progress bar's text alternative, e.g. "323,832 signatures of 500,000". */
  progress: '{count} {label} of {goal}',
  progressLabel: 'Progress toward the goal',
  loading: 'Loading the number of signatures…',
  unavailable: 'count unavailable',
};

export type SignatureCounterMessages = typeof en;
export default en;
