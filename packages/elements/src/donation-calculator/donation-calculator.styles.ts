import { baseCss } from '../shared/base-css.js';

/**
 * The element's shadow styles: the shared base rules, then its own, one rule a line (the CDN build does not
 * minify CSS in strings, and every byte counts).
 * - .pending: laid out (the box keeps its size) but hidden until the reader's language is loaded.
 * - .option: a native radio, invisible but covering its label; the label is the button people see.
 * - .summary: the result keeps its room whatever it says, or while the rules load: no layout shift.
 */
export const styles = `${baseCss}
:host { display: block; --_gap: var(--agir-calculator-gap, calc(var(--_agir-space) * 0.75)); --_control: var(--agir-calculator-control-block-size, 2.75em); }
[hidden] { display: none !important; }
.root { display: grid; gap: var(--_gap); line-height: 1.5; }
.pending { visibility: hidden; }
fieldset { border: 0; margin: 0; padding: 0; min-inline-size: 0; }
legend { padding: 0; margin-block-end: 0.5em; font-weight: 700; }
.options { display: flex; flex-wrap: wrap; gap: 0.5em; }
.option { position: relative; display: inline-flex; align-items: center; justify-content: center; min-inline-size: var(--agir-calculator-preset-min-inline-size, 4.5em); min-block-size: var(--_control); padding: 0.25em 1em; border: 1px solid var(--_agir-border); border-radius: var(--_agir-radius); background: var(--_agir-surface); color: var(--_agir-text); font-weight: 600; cursor: pointer; }
.option input { position: absolute; inset: 0; inline-size: 100%; block-size: 100%; margin: 0; opacity: 0; cursor: inherit; }
.option:has(:checked) { border-color: var(--_agir-text); box-shadow: inset 0 0 0 1px var(--_agir-text); background: var(--_agir-accent); color: var(--_agir-on-accent); }
.option:has(:focus-visible) { outline: 3px solid var(--_agir-focus); outline-offset: 2px; }
.option:has(:disabled) { opacity: 0.6; cursor: not-allowed; }
.free { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25em 0.5em; margin-block-start: 0.75em; }
.free > span, .income > span { display: inline-flex; align-items: center; gap: 0.25em; }
input[type='text'] { inline-size: var(--agir-calculator-input-inline-size, 8em); min-block-size: var(--_control); padding: 0.25em 0.75em; border: 1px solid var(--_agir-border); border-radius: var(--_agir-radius); background: var(--_agir-surface); color: var(--_agir-text); font: inherit; }
[aria-invalid='true'] { border-color: var(--_agir-danger); box-shadow: inset 0 0 0 1px var(--_agir-danger); }
.error { margin: 0.25em 0 0; color: var(--_agir-danger); font-weight: 600; }
.error:empty { display: none; }
.summary { margin: 0; min-block-size: var(--agir-calculator-result-min-block-size, 3lh); }
.figure { font-size: var(--agir-calculator-figure-font-size, 1.25em); font-weight: 700; white-space: nowrap; }
.note, .details { margin: 0; color: var(--_agir-muted); font-size: 0.875em; }
.details { min-block-size: 1lh; }
summary { inline-size: fit-content; cursor: pointer; }
details p { margin: 0.2857em 0 0; }
.income { display: grid; gap: 0.25em; justify-items: start; }
button { justify-self: start; min-block-size: var(--_control); padding: 0.5em 1.5em; border: 2px solid transparent; border-radius: var(--_agir-radius); background: var(--_agir-accent); color: var(--_agir-on-accent); font: inherit; font-weight: 700; cursor: pointer; }
button:disabled { border-color: var(--_agir-border); background: var(--_agir-surface); color: var(--_agir-muted); cursor: not-allowed; }
@media (forced-colors: active) { .option:has(:checked) { forced-color-adjust: none; background: Highlight; color: HighlightText; } button:disabled { color: GrayText; } }
`;
