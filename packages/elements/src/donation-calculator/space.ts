import { narrow, type Select } from '../shared/space.js';

/** The calculator's place before it is defined: its presets, amount field, estimate and button (measured, French, 16px). */
export const calculatorSpace = (at: Select): string =>
  `${at()}{display:block;min-block-size:24.5625em}@media ${narrow}{${at()}{min-block-size:24.9375em}}`;
