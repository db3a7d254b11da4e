import { textReset } from '../shared/text-reset.js';
import { css } from '../shared/css.js';
import { counterBlockSize } from './space.js';

/** The element's shadow styles: only what it needs of the shared tokens (shared/base-css.ts); the CDN build minifies them. */
export const styles = css`
  :host {
    ${textReset}
    --_bar: var(--agir-counter-bar-color, var(--agir-color-accent, #ffe600));
    --_muted: var(--agir-color-muted, #595959);
    display: block;
    min-block-size: ${counterBlockSize};
    position: relative;
    font-family: var(--agir-font-family, inherit);
    color: var(--agir-color-text, #1a1a1a);
  }
  :host([layout='inline']) {
    font: inherit;
    display: inline;
    min-block-size: 0;
    color: var(--agir-color-text, inherit);
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .reserved {
    display: inline-grid;
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .reserved > * {
    grid-area: 1 / 1;
  }
  .sizer {
    visibility: hidden;
  }
  :host(:state(loading)) [part='number'],
  :host(:state(error)) [part='number'] {
    text-align: center;
    color: var(--_muted);
  }
  .headline {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 0.35em;
    line-height: 1.2;
  }
  .headline [part='number'] {
    font-size: 2em;
    font-weight: 700;
  }
  progress {
    appearance: none;
    box-sizing: border-box;
    display: block;
    inline-size: 100%;
    block-size: var(--agir-counter-bar-height, 0.5em);
    margin: 0.5em 0 0.35em;
    border: 1px solid var(--agir-color-border, #767676);
    border-radius: var(--agir-radius, 4px);
    background: var(--agir-color-surface, #fff);
    overflow: hidden;
  }
  progress.none {
    visibility: hidden;
  }
  ::-webkit-progress-bar {
    background: none;
  }
  ::-webkit-progress-value {
    background: var(--_bar);
    transition: inline-size 0.8s ease-out;
  }
  ::-moz-progress-bar {
    background: var(--_bar);
  }
  .details {
    display: flex;
    flex-wrap: wrap;
    column-gap: 1em;
    min-block-size: 1.4em;
    line-height: 1.4;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .details .reserved {
    text-align: start;
  }
  @media (prefers-reduced-motion: reduce) {
    ::-webkit-progress-value {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    progress {
      --_bar: Highlight;
      forced-color-adjust: none;
      border-color: CanvasText;
    }
  }
`;
