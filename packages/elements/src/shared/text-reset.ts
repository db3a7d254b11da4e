/**
 * Where the page's inherited text styles stop (issue 16): the first declarations of each element's `:host`
 * rule. `all: initial` resets every property but custom ones, so `--agir-*` still reach in while a theme's
 * `text-transform`, `letter-spacing`, `white-space`, `text-align`, `font-style`, `font-weight`, `text-shadow`
 * and the like do not; then what is meant to come from the page comes back: font size and line height (each
 * element sets its font family and colour from `--agir-*`, inheriting by default), and `visibility` and
 * `pointer-events`, so that a hidden or inert ancestor still hides or disables the element. A page's own
 * rules for the element's tag still win over these (the outer cascade comes first).
 */
export const textReset = 'all:initial;font-size:inherit;line-height:inherit;visibility:inherit;pointer-events:inherit;';
