import { css } from '../shared/css.js';
import { loadingSelect } from '../shared/space.js';
import { textReset } from '../shared/text-reset.js';
import { caseSpace } from './space.js';

/*
 * Shadow styles of case-card (and, for `base`, case-card-list), as CSS text for a constructed stylesheet.
 * Tagged `css`: the CDN build minifies them (about 90 B of gzip less than the text as written).
 *
 * Slotted light DOM (name, place, status, photo, action) is the page's own: its CSS still applies. The card
 * sets what its layout needs (no margins, the name's font), and, marked important, what must hold whatever
 * the page says: the photo fills its frame (no shift), the call to action keeps its contrasting colours.
 */

/**
 * What the card and the list need of the shared base rules (shared/base-css.ts): the tokens they use, focus,
 * `.visually-hidden`, buttons. Their only motion is the card's loading pulse, stopped under reduced motion.
 */
export const base = css`
  :host {
    ${textReset} --_agir-text: var(--agir-color-text, #1a1a1a);
    --_agir-surface: var(--agir-color-surface, #fff);
    --_agir-muted: var(--agir-color-muted, #595959);
    --_agir-border: var(--agir-color-border, #767676);
    --_agir-accent: var(--agir-color-accent, #ffe600);
    --_agir-on-accent: var(--agir-color-on-accent, #000);
    --_agir-radius: var(--agir-radius, 4px);
    display: block;
    font-family: var(--agir-font-family, inherit);
    color: var(--_agir-text);
    box-sizing: border-box;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  ::before,
  ::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--agir-color-focus, #0b57d0);
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
  button,
  .cta,
  ::slotted(a) {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75em;
    padding: 0.5em 1em;
    border: 2px solid var(--_agir-border);
    border-radius: var(--_agir-radius);
    background: transparent;
    color: var(--_agir-text);
    font: inherit;
    cursor: pointer;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/*
 * Layouts: the card picks one from the width it is given (container queries on .wrap), unless `layout`
 * forces it. Each layout only sets private custom properties, so forced and automatic layouts share rules.
 *   compact (< 20em): a row, small square photo at the inline start;
 *   card (20-40em, the default): photo on top;
 *   feature (>= 40em): photo beside the text, at the inline start (right in RTL).
 * A container does not size to its content: in a flex row or an inline-block, without
 * contain-intrinsic-inline-size the card would shrink to nothing. It asks for a card's width there, and
 * fills what it is given.
 */
export const styles = css`
  ${base}
  ${caseSpace(loadingSelect)}
  :host {
    --_placeholder: var(--agir-card-placeholder, #e8e8e8);
  }
  .wrap {
    container-type: inline-size;
    contain-intrinsic-inline-size: var(--agir-card-width, 22em);
    block-size: 100%;
  }
  .card {
    --_cols: minmax(0, 1fr);
    --_pad: 0;
    --_gap: 0;
    --_body-pad: var(--agir-card-padding, 1em);
    --_credit-pad: var(--agir-card-padding, 1.3333em);
    --_name: 1.25em;
    display: grid;
    grid-template-columns: var(--_cols);
    align-content: start;
    gap: var(--_gap);
    block-size: 100%;
    padding: var(--_pad);
    background: var(--agir-card-background, var(--_agir-surface));
    border: var(--agir-card-border, 1px solid #d0d0d0);
    border-radius: var(--agir-card-radius, var(--_agir-radius));
    box-shadow: var(--agir-card-shadow, none);
    overflow: hidden;
    line-height: 1.5;
    overflow-wrap: anywhere;
  }
  .l-compact {
    --_cols: var(--agir-card-thumbnail-size, 4.5em) minmax(0, 1fr);
    --_pad: 0.75em;
    --_gap: 0.75em;
    --_body-pad: 0;
    --_credit-pad: 0;
    --_shape: 1;
    --_name: 1.05em;
  }
  .l-feature {
    --_cols: minmax(0, 2fr) minmax(0, 3fr);
    --_body-pad: var(--agir-card-padding, 1.5em);
    --_credit-pad: var(--agir-card-padding, 2em);
    --_name: 1.5em;
  }
  @container (max-width: 19.99em) {
    .l-auto {
      --_cols: var(--agir-card-thumbnail-size, 4.5em) minmax(0, 1fr);
      --_pad: 0.75em;
      --_gap: 0.75em;
      --_body-pad: 0;
      --_credit-pad: 0;
      --_shape: 1;
      --_name: 1.05em;
    }
  }
  @container (min-width: 40em) {
    .l-auto {
      --_cols: minmax(0, 2fr) minmax(0, 3fr);
      --_body-pad: var(--agir-card-padding, 1.5em);
      --_credit-pad: var(--agir-card-padding, 2em);
      --_name: 1.5em;
    }
  }
  .card.no-photo,
  .problem {
    --_cols: minmax(0, 1fr);
  }
  .photo {
    margin: 0;
  }
  .frame {
    aspect-ratio: var(--_shape, var(--_agir-ratio, 3 / 2));
    overflow: hidden;
    background: var(--_placeholder);
  }
  .frame img,
  .frame ::slotted(img) {
    display: block;
    inline-size: 100% !important;
    block-size: 100% !important;
    object-fit: cover;
  }
  .credit {
    padding: 0.3333em var(--_credit-pad) 0;
    font-size: 0.75em;
    color: var(--_agir-muted);
  }
  .body {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.5em;
    padding: var(--_body-pad);
    min-inline-size: 0;
  }
  .body > *,
  .body p,
  blockquote {
    margin: 0;
  }
  .body > .summary,
  .body > .story,
  .body > .quote,
  .body > .petition {
    align-self: stretch;
  }
  .name {
    font-size: var(--agir-card-name-size, var(--_name));
    font-weight: 700;
    line-height: 1.2;
  }
  .name ::slotted(*),
  p > ::slotted(*) {
    margin: 0;
    font: inherit;
  }
  .full-name,
  .place {
    color: var(--_agir-muted);
    font-size: 0.875em;
  }
  .status {
    padding: 0.1429em 0.5714em;
    border-radius: var(--_agir-radius);
    background: var(--agir-card-status-background, var(--_agir-accent));
    color: var(--agir-card-status-color, var(--_agir-on-accent));
    font-size: 0.875em;
    font-weight: 700;
  }
  .story p + p,
  .summary p + p {
    margin-block-start: 0.75em;
  }
  .quote {
    padding-inline-start: 0.75em;
    border-inline-start: 0.25em solid var(--_agir-border);
    font-style: italic;
  }
  .quote figcaption {
    font-style: normal;
    color: var(--_agir-muted);
    font-size: 0.875em;
  }
  .quote figcaption::before {
    content: '— ';
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-block-start: 0.25em;
  }
  .cta,
  ::slotted(a) {
    border-color: transparent;
    background: var(--agir-card-action-background, var(--_agir-accent)) !important;
    color: var(--agir-card-action-color, var(--_agir-on-accent)) !important;
    font-weight: 700;
    text-decoration: none;
  }
  .cta:hover,
  button:hover,
  ::slotted(a:hover) {
    text-decoration: underline;
  }
  .more {
    padding-inline: 0;
    border: 0;
    text-decoration: underline;
  }
  .note:empty {
    position: absolute;
  }
  .note,
  .problem p {
    font-size: 0.875em;
  }
  .petition:empty {
    display: none;
  }
  .problem {
    padding: var(--_body-pad);
    gap: 0.75em;
    justify-items: start;
  }
  .l10n .status,
  .l10n .more,
  .l10n .actions {
    visibility: hidden;
  }
  .skeleton .line {
    display: block;
    block-size: 1em;
    inline-size: 100%;
    border-radius: var(--_agir-radius);
    background: var(--_placeholder);
    animation: pulse 1.5s ease-in-out infinite;
  }
  .skeleton .title {
    block-size: 1.5em;
    inline-size: 60%;
  }
  .skeleton .short {
    inline-size: 40%;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton .line {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .status,
    .cta {
      border: 1px solid;
    }
  }
`;
