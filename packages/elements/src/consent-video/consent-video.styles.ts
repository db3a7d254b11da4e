import { css } from '../shared/css.js';
import { textReset } from '../shared/text-reset.js';

/**
 * The element's shadow styles: a frame at the page's ratio holding the poster and the notice, then the
 * player in the same frame (no layout shift), and the control to forget a remembered choice below it.
 */
export const styles = css`
  :host {
    ${textReset}
    --_accent: var(--agir-color-accent, #ffe600);
    --_on-accent: var(--agir-color-on-accent, #000);
    display: block;
    font-family: var(--agir-font-family, inherit);
    color: var(--agir-color-text, #1a1a1a);
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  * {
    box-sizing: border-box;
  }
  .frame {
    position: relative;
    aspect-ratio: var(--agir-video-ratio, 16/9);
    overflow: hidden;
    background: var(--agir-video-background, #1a1a1a);
    border-radius: var(--agir-radius, 4px);
  }
  .poster,
  iframe {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    border: 0;
  }
  .poster {
    object-fit: cover;
  }
  .notice {
    position: absolute;
    inset-inline: 0;
    inset-block-end: 0;
    max-block-size: 100%;
    overflow: auto;
    display: grid;
    gap: 0.5em;
    padding: 0.75em 1em;
    font-size: 0.875em;
    line-height: 1.4;
    background: rgb(0 0 0 / 0.82);
    color: #fff;
  }
  .title {
    margin: 0;
    font-weight: 700;
    font-size: 1.15em;
  }
  p {
    margin: 0;
  }
  button {
    font: inherit;
    cursor: pointer;
    justify-self: start;
    min-block-size: 2.75em;
    padding: 0.5em 1em;
    border: 2px solid transparent;
    border-radius: var(--agir-radius, 4px);
  }
  .play {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
  }
  .forget {
    margin-block-start: 0.5em;
    background: none;
    color: inherit;
    border-color: currentColor;
    font-size: 0.875em;
  }
  label {
    display: flex;
    gap: 0.5em;
    align-items: center;
  }
  input {
    margin: 0;
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
  }
  :focus-visible {
    outline: 3px solid var(--agir-color-focus, #0b57d0);
    outline-offset: 2px;
  }
  .notice :focus-visible {
    outline-color: #fff;
  }
  .unavailable {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    padding: 1em;
    color: #fff;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
