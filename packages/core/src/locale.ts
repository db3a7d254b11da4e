/**
 * Locale resolution, message catalogs and Intl helpers. DOM-free: the element-facing functions take the
 * few members of a DOM node they need, so they run in Node as well.
 */

/**
 * Languages every element ships a catalog for. Chinese is one script of it: `zh-Hans` (Simplified); a tag
 * whose script is Traditional (`zh-Hant`, `zh-TW`, `zh-HK`) has no catalog yet and gets English.
 */
export const supportedLanguages = ['en', 'fr', 'es', 'de', 'ar', 'it', 'nl', 'pt', 'ug', 'zh-Hans'] as const;
export type Language = (typeof supportedLanguages)[number];
export type Direction = 'ltr' | 'rtl';

const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** Canonicalises a BCP 47 tag ("FR-fr" → "fr-FR"); undefined when it is not a valid tag. */
export function canonicalLocale(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined;
  }
}

/** Text direction of a language tag: `rtl` for Arabic, Hebrew, Persian, Urdu…; `ltr` otherwise. */
export function directionOf(tag: string): Direction {
  const locale = canonicalLocale(tag);
  if (!locale) return 'ltr';
  const intlLocale = new Intl.Locale(locale);
  // Script subtags decide when present (e.g. "az-Arab" is rtl, "ku-Latn" is ltr).
  const script = intlLocale.script;
  if (script) return ['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg'].includes(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(intlLocale.language) ? 'rtl' : 'ltr';
}

/**
 * The supported catalog language of a tag, or undefined: "fr-CA" → "fr", "pt-BR" → "pt", "zh", "zh-CN" and
 * "zh-Hans-HK" → "zh-Hans", "zh-TW" → undefined (Traditional script), "ug" → "ug" (Arabic script; "ug-Cyrl"
 * → undefined), "ru" → undefined.
 */
export function supportedLanguage(tag: string | undefined): Language | undefined {
  const locale = canonicalLocale(tag);
  if (!locale) return undefined;
  const intlLocale = new Intl.Locale(locale);
  const { language, script, region } = intlLocale;
  if (language === 'zh') {
    // Without a script, the region decides (Traditional in TW, HK, MO): ask CLDR only then.
    const written = script ?? (region ? intlLocale.maximize().script : 'Hans');
    return written === 'Hans' ? 'zh-Hans' : undefined;
  }
  if (language === 'ug') return !script || script === 'Arab' ? 'ug' : undefined;
  return (supportedLanguages as readonly string[]).includes(language) ? (language as Language) : undefined;
}

/** The supported catalog language for a tag, English when there is none: "fr-CA" → "fr", "zh" → "zh-Hans", "ru" → "en". */
export function catalogLanguage(tag: string | undefined): Language {
  return supportedLanguage(tag) ?? 'en';
}

/** The members of a DOM element that language resolution reads. */
export interface LangNode {
  getAttribute(name: string): string | null;
  closest(selector: string): { getAttribute(name: string): string | null } | null;
  readonly ownerDocument: { documentElement: { getAttribute(name: string): string | null } | null } | null;
}

/**
 * An element's language: its own `lang`, else the nearest ancestor's, else the document's, else the
 * browser's, else `en`. Invalid tags are skipped.
 */
export function languageOf(node: LangNode, navigatorLanguage?: string): string {
  const candidates = [
    node.getAttribute('lang'),
    node.closest('[lang]')?.getAttribute('lang'),
    node.ownerDocument?.documentElement?.getAttribute('lang'),
    navigatorLanguage ?? (typeof navigator === 'undefined' ? undefined : navigator.language),
  ];
  for (const candidate of candidates) {
    const locale = canonicalLocale(candidate);
    if (locale) return locale;
  }
  return 'en';
}
