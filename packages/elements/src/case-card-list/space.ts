import { narrow, type Select } from '../shared/space.js';

/**
 * The list's place while its cases have not arrived: one row of placeholder cards (three stacked in a
 * narrow column). How many cases there are is known only when they arrive: a list grows then, so a page
 * puts it where growing moves nothing on screen (last in its column), or gives it a `min-block-size`.
 */
export const listSpace = (at: Select): string => `${at()}{display:block;min-block-size:24em}@media ${narrow}{${at()}{min-block-size:74em}}`;
