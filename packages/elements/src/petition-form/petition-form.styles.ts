import { baseCss } from '../shared/base-css.js';
import { css } from '../shared/css.js';
import { hostSelect } from '../shared/space.js';
import { formPlace, formSpace } from './space.js';

/** The form's styles; those of the views the submission module draws are in `viewStyles`. */
export const styles =
  baseCss +
  css`
    :host {
      display: block;
      container-type: inline-size;
      --_gap: var(--agir-petition-form-gap, var(--_agir-space));
    }
    /* Its own line height inside, where a page rule for every element (* { line-height: 2.2 }) does not reach. */
    .root {
      line-height: 1.5;
    }
    .loading {
      min-block-size: var(--agir-petition-form-min-block-size, ${formPlace});
    }
    ${formSpace(hostSelect)}
    .root,
    form,
    .form-view {
      display: grid;
      gap: var(--_gap);
    }
    [hidden] {
      display: none !important;
    }
    p {
      margin: 0;
    }
    .names {
      display: grid;
      gap: var(--_gap);
    }
    @container (min-width: 32em) {
      .names {
        grid-template-columns: 1fr 1fr;
      }
    }
    .field {
      display: grid;
      gap: 0.25em;
      align-content: start;
    }
    label {
      font-weight: 600;
    }
    .optional,
    .help {
      font-weight: 400;
      color: var(--_agir-muted);
    }
    .help {
      font-size: 0.875em;
    }
    input,
    select,
    textarea,
    button {
      font: inherit;
      color: inherit;
      border-radius: var(--_agir-radius);
    }
    input:not([type='checkbox']),
    select,
    textarea {
      inline-size: 100%;
      min-block-size: 2.75em;
      padding: 0.5em 0.625em;
      background: var(--_agir-surface);
      border: 2px solid var(--_agir-border);
    }
    textarea {
      resize: vertical;
    }
    /* A phone number and an email address read left to right in any script: in a right-to-left form the groups of
       "+20 100 123 4567" would show in reverse order. Aligned to the form's start all the same. */
    [dir='rtl'] :is([type='tel'], [type='email']) {
      direction: ltr;
      text-align: right;
    }
    [aria-invalid='true'] {
      border-color: var(--_agir-danger) !important;
    }
    .error,
    .alert {
      color: var(--_agir-danger);
      font-weight: 600;
    }
    .consent {
      display: flex;
      gap: 0.625em;
      align-items: flex-start;
    }
    .consent input {
      flex: none;
      inline-size: 1.5em;
      block-size: 1.5em;
      margin: 0;
      accent-color: var(--_agir-text);
    }
    .consent label {
      font-weight: 400;
    }
    a {
      color: inherit;
      text-underline-offset: 0.15em;
    }
    /* The honeypot: out of sight, out of the tab order and the accessibility tree. Clipped where it stands: an
       offset (it was -100vw) widens a page whose direction is not the form's. */
    .trap {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    button {
      justify-self: start;
      min-block-size: 2.75em;
      padding: 0.625em 1.25em;
      font-weight: 700;
      cursor: pointer;
      background: var(--_agir-accent);
      color: var(--_agir-on-accent);
      border: 2px solid var(--_agir-on-accent);
    }
    @media (forced-colors: active) {
      button {
        border-color: ButtonText;
      }
    }
  `;

/** The styles of the thank-you, saved, closed and already-signed notices, the error summary and sharing (submission.ts adopts them). */
export const viewStyles = css`
  .notice {
    display: grid;
    gap: var(--_gap);
  }
  .secondary,
  .share button {
    background: var(--_agir-surface);
    color: var(--_agir-text);
    border-color: var(--_agir-border);
  }
  button[aria-disabled='true'] {
    cursor: progress;
  }
  .summary {
    display: grid;
    gap: 0.5em;
    padding: var(--_gap);
    border: 3px solid var(--_agir-danger);
    border-radius: var(--_agir-radius);
  }
  .summary a {
    color: var(--_agir-danger);
    font-weight: 600;
  }
  .title {
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.3;
  }
  .notice {
    padding: var(--_gap);
    border-inline-start: 4px solid var(--_agir-success);
    background: var(--_agir-surface);
  }
  ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .share {
    display: grid;
    gap: 0.5em;
  }
  .share ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    padding: 0;
    list-style: none;
  }
  .share a {
    display: inline-block;
    padding-block: 0.5em;
  }
  .copied:empty {
    display: none;
  }
`;
