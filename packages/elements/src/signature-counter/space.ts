import type { Select } from '../shared/space.js';

/** The counter's height as a block (headline, bar, details line). */
export const counterBlockSize = '5.25em';

/**
 * The counter's place: a block of `counterBlockSize`; inline, the width of a six-digit number, as its
 * loading state draws it (invisible digits as wide as the widest count expected), with the separator of the
 * page's language: a narrow no-break space in French, a comma elsewhere (a full stop, as wide, in German…).
 * With French's in an English heading, the words after the number moved 5.8 px at 32 px when it was defined.
 */
export const counterSpace = (at: Select): string =>
  `${at()}{display:block;min-block-size:${counterBlockSize}}` +
  `${at("[layout='inline']")}{display:inline;min-block-size:0}` +
  `${at("[layout='inline']")}::before{content:'999,999';display:inline-grid;visibility:hidden;font-variant-numeric:tabular-nums}` +
  `${at("[layout='inline']:lang(fr)")}::before{content:'999\\202F 999'}`;
