import { narrow, type Select } from '../shared/space.js';

/**
 * The form's height before its messages have arrived, from its attributes: the fields it shows, whether
 * the consent sentence is the page's (one line), the default (two) or none (`no-consent`), and the privacy link. Measured on
 * the rendered form (French, 16px, a column of 40em and of 21em); a test keeps them true
 * (demo/e2e/layout-shift.ts). A page can set its own with `--agir-petition-form-min-block-size`.
 */
export const formPlace =
  'calc(var(--_pf-base,23.5625em) + var(--_pf-consent,1.5em) + var(--_pf-postal-code,0em) + var(--_pf-phone,0em) + var(--_pf-comment,0em) + var(--_pf-privacy,0em))';

/** The custom properties `formPlace` adds up, set from the element's attributes. */
export const formSpace = (at: Select): string => {
  // An optional field shows when `fields` or `required` names it.
  const field = (token: string, size: string) => `${at(`[fields~=${token}]`)},${at(`[required~=${token}]`)}{--_pf-${token}:${size}}`;
  // The page's sentence is one line; without the box (`no-consent`) that line and its gap go too.
  const consent = `${at('[consent-text]')}{--_pf-consent:0em}${at('[no-consent]')}{--_pf-consent:-2.5em}`;
  return (
    consent +
    field('postal-code', '5.5em') +
    field('phone', '7.0625em') +
    field('comment', '11.5625em') +
    `${at('[privacy-href]')}{--_pf-privacy:2.5em}` +
    // A narrow column stacks the two name fields, and the sentences wrap.
    `@media ${narrow}{${at()}{--_pf-base:30.375em;--_pf-consent:4.5em}${consent}${field('phone', '8.375em')}}`
  );
};

/**
 * The rules of `agir.css` for the form before it is defined (a form the page put inside shows as it is; the
 * element of its journey's donation step, `slot="donate"`, waits for that step).
 */
export const formPageSpace = (at: Select): string =>
  `${at(':not(:has(>form))')}{display:block;min-block-size:var(--agir-petition-form-min-block-size,${formPlace})}${at('>[slot=donate]')}{display:none}${formSpace(at)}`;
