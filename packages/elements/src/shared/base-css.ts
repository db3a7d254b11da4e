import { css } from './css.js';
import { textReset } from './text-reset.js';

/**
 * Base tokens and shared rules of every Agir element. Hosts theme through `--agir-*` custom properties
 * (inherited through the shadow boundary) and `::part()`; nothing here leaks out of the shadow root.
 *
 * @cssprop --agir-font-family - Font of the element (default: inherit the page's).
 * @cssprop --agir-color-text - Text colour.
 * @cssprop --agir-color-surface - Background of boxes and fields.
 * @cssprop --agir-color-muted - Secondary text (help, credits).
 * @cssprop --agir-color-border - Borders of fields and boxes.
 * @cssprop --agir-color-accent - Accent: buttons, progress, selected presets.
 * @cssprop --agir-color-on-accent - Text on the accent colour.
 * @cssprop --agir-color-danger - Errors.
 * @cssprop --agir-color-success - Success and confirmation.
 * @cssprop --agir-color-focus - Focus ring.
 * @cssprop --agir-radius - Corner radius.
 * @cssprop --agir-space - Base spacing unit.
 */
export const baseCss = css`
  :host {
    ${textReset}
    --_agir-font: var(--agir-font-family, inherit);
    --_agir-text: var(--agir-color-text, #1a1a1a);
    --_agir-surface: var(--agir-color-surface, #ffffff);
    --_agir-muted: var(--agir-color-muted, #595959);
    --_agir-border: var(--agir-color-border, #767676);
    --_agir-accent: var(--agir-color-accent, #ffe600);
    --_agir-on-accent: var(--agir-color-on-accent, #000000);
    --_agir-danger: var(--agir-color-danger, #b3261e);
    --_agir-success: var(--agir-color-success, #146c2e);
    --_agir-focus: var(--agir-color-focus, #0b57d0);
    --_agir-radius: var(--agir-radius, 4px);
    --_agir-space: var(--agir-space, 1em);
    font-family: var(--_agir-font);
    color: var(--_agir-text);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_agir-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
