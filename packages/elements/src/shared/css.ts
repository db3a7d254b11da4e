/**
 * Tags CSS text for the build: `css\`…\`` is the text as written (raw, so CSS escapes such as `\201C` stay
 * as they are), and the CDN build minifies every template tagged `css`. A plain string, not Lit's
 * CSSResult: elements adopt it as a constructed stylesheet (see `HostElement`), allowed under a strict CSP.
 */
export const css = (strings: TemplateStringsArray, ...values: Array<string | number>): string => String.raw(strings, ...values);
