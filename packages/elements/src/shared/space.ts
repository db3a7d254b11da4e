/**
 * The place an element takes before its data (or its script) has arrived, so that nothing on the page moves
 * when it does (issue 16). Each element describes its place once, in `<tag>/space.ts`, as CSS for a
 * selector it is given: `pageSelect(tag)` makes the rules of the CDN stylesheet `agir.css` (for the element
 * before it is defined: the page links that sheet in its `<head>`, render-blocking, so the first paint already
 * has the place), and `hostSelect` makes the same rules inside the element's shadow styles (for its loading
 * state). Sizes are in `em` of the element's own font size (which it inherits from the page), measured on the
 * element as it renders (a test compares them: demo/e2e/layout-shift.ts).
 */

/** Turns attribute conditions (`[layout='inline']`, or none) into a selector for the element. */
export type Select = (attributes?: string) => string;

/** The element in the page before it is defined: `tag:not(:defined)[…]`. */
export const pageSelect =
  (tag: string, also = ''): Select =>
  (attributes = '') =>
    `${tag}:not(:defined)${also}${attributes}`;

/** The element from inside its shadow root while it waits for its data: `:host(:state(loading)[…])`. */
export const loadingSelect: Select = (attributes = '') => `:host(:state(loading)${attributes})`;

/** The element from inside its shadow root: `:host` or `:host([…])`. */
export const hostSelect: Select = (attributes) => (attributes ? `:host(${attributes})` : ':host');

/** Viewports narrower than this lay a full-width element out as on a phone (a proxy for its own width, which a rule before definition cannot query). */
export const narrow = '(max-width: 34em)';
