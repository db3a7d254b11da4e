import type { Select } from '../shared/space.js';

/** The counter's height as a block (headline, bar, details line). */
export const counterBlockSize = '5.25em';

/**
 * The counter's place: a block of `counterBlockSize`; inline, the width of a six-digit number, as its
 * loading state draws it (invisible digits as wide as the widest count expected).
 */
export const counterSpace = (at: Select): string =>
  `${at()}{display:block;min-block-size:${counterBlockSize}}` +
  `${at("[layout='inline']")}{display:inline;min-block-size:0}` +
  `${at("[layout='inline']")}::before{content:'999\\202F 999';display:inline-grid;visibility:hidden;font-variant-numeric:tabular-nums}`;
