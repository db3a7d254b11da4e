import { narrow, type Select } from '../shared/space.js';

/**
 * A card's place while its case has not arrived: the height of a card with no photo (its name, place,
 * status, a three-line summary and its buttons), by layout and column width. A card whose case has a photo
 * grows by the photo's frame when the case arrives, unless `photo-width` and `photo-height` are set (the
 * skeleton then draws the frame at that ratio). Measured on the rendered card (French, 16px).
 */
export const caseSpace = (at: Select): string =>
  `${at()}{display:block;min-block-size:var(--_card-place,14.3em)}` +
  `${at("[layout='compact']")}{--_card-place:13.75em}` +
  `@media ${narrow}{${at()}{--_card-place:17.5em}${at("[layout='compact']")}{--_card-place:16.75em}}`;
