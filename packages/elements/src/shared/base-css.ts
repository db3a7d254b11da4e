/**
 * The rules of `baseStyles` (./styles.ts) as a plain CSS string, for elements built without Lit (importing
 * `styles.ts` pulls Lit's `css` in). Same tokens, same rules; written one rule a line because the CDN build
 * does not minify CSS in strings. Keep the two in step.
 */
export const baseCss = `
:host { --_agir-font: var(--agir-font-family, inherit); --_agir-text: var(--agir-color-text, #1a1a1a); --_agir-surface: var(--agir-color-surface, #ffffff); --_agir-muted: var(--agir-color-muted, #595959); --_agir-border: var(--agir-color-border, #767676); --_agir-accent: var(--agir-color-accent, #ffe600); --_agir-on-accent: var(--agir-color-on-accent, #000000); --_agir-danger: var(--agir-color-danger, #b3261e); --_agir-success: var(--agir-color-success, #146c2e); --_agir-focus: var(--agir-color-focus, #0b57d0); --_agir-radius: var(--agir-radius, 4px); --_agir-space: var(--agir-space, 1rem); font-family: var(--_agir-font); color: var(--_agir-text); box-sizing: border-box; }
:host([hidden]) { display: none !important; }
*, *::before, *::after { box-sizing: inherit; }
:focus-visible { outline: 3px solid var(--_agir-focus); outline-offset: 2px; }
.visually-hidden { position: absolute !important; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (prefers-reduced-motion: reduce) { *, *::before, *::after { animation-duration: 0.01ms !important; animation-iteration-count: 1 !important; transition-duration: 0.01ms !important; scroll-behavior: auto !important; } }
@media (forced-colors: active) { :focus-visible { outline-color: Highlight; } }
`;
