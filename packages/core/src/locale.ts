/**
 * Locale resolution, message catalogs and Intl helpers. DOM-free: the element-facing functions take the
 * few members of a DOM node they need, so they run in Node as well.
 */

/** Languages every element ships a catalog for. */
export const supportedLanguages = ['en', 'fr', 'es', 'de', 'ar'] as const;
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

/** The supported catalog language for a tag: "fr-CA" → "fr", "pt" → "en". */
export function catalogLanguage(tag: string | undefined): Language {
  const locale = canonicalLocale(tag);
  const language = locale ? new Intl.Locale(locale).language : 'en';
  return (supportedLanguages as readonly string[]).includes(language) ? (language as Language) : 'en';
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

// ---------------------------------------------------------------------------------------------
// Message catalogs

/** A message: plain text with `{name}` placeholders, or a function of its parameters. */
export type Message = string | ((params: Record<string, unknown>, locale: string) => string);
export type Catalog = Record<string, Message>;
export type Params = Record<string, string | number | undefined>;
export type Translate<M extends Catalog> = (key: keyof M & string, params?: Params) => string;

export interface CatalogLoaders<M extends Catalog> {
  /** English is bundled: it is the fallback for every missing key. */
  en: M;
  fr?: () => Promise<{ default: Partial<M> }>;
  es?: () => Promise<{ default: Partial<M> }>;
  de?: () => Promise<{ default: Partial<M> }>;
  ar?: () => Promise<{ default: Partial<M> }>;
}

const warned = new Set<string>();

/** For tests: forget which missing keys were already reported. */
export function resetMissingKeyWarnings(): void {
  warned.clear();
}

function interpolate(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * A catalog per language, loaded on demand and cached. `load(locale)` gives a translate function; a key a
 * language lacks falls back to English and is reported once in the console.
 */
export function createCatalog<M extends Catalog>(name: string, loaders: CatalogLoaders<M>) {
  const cache = new Map<Language, Promise<Partial<M>>>();
  const get = (language: Language): Promise<Partial<M>> => {
    let entry = cache.get(language);
    if (!entry) {
      const loader = language === 'en' ? undefined : loaders[language];
      entry = loader ? loader().then((module) => module.default) : Promise.resolve(loaders.en);
      cache.set(language, entry);
    }
    return entry;
  };
  const translator =
    (locale: string, language: Language, messages: Partial<M>): Translate<M> =>
    (key, params = {}) => {
      let message = messages[key];
      if (message === undefined) {
        message = loaders.en[key];
        const id = `${name}:${language}:${key}`;
        if (language !== 'en' && !warned.has(id)) {
          warned.add(id);
          console.warn(`Agir: the "${language}" catalog of ${name} has no message "${key}"; showing English.`);
        }
      }
      if (message === undefined) return key;
      return typeof message === 'function' ? message(params, locale) : interpolate(message, params);
    };
  return {
    name,
    english: translator('en', 'en', loaders.en),
    /** Resolves the catalog for a locale tag (any tag; unsupported languages get English). */
    async load(locale: string): Promise<Translate<M>> {
      const language = catalogLanguage(locale);
      try {
        return translator(locale, language, await get(language));
      } catch (error) {
        cache.delete(language);
        console.error(`Agir: could not load the "${language}" messages of ${name}; showing English.`, error);
        return translator(locale, 'en', loaders.en);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Intl helpers (cached formatters: creating them is the expensive part)

const formatters = new Map<string, Intl.NumberFormat | Intl.PluralRules | Intl.DisplayNames | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.PluralRules | Intl.DisplayNames | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let value = formatters.get(key) as T | undefined;
  if (!value) {
    value = make();
    formatters.set(key, value);
  }
  return value;
}

/** 323832 → "323 832" in fr, "323,832" in en, "٣٢٣٬٨٣٢" in ar. */
export function formatNumber(locale: string, value: number, options: Intl.NumberFormatOptions = {}): string {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options)).format(value);
}

/** Money from integer minor units: (510, "EUR") → "5,10 €" in fr. */
export function formatMoney(locale: string, minorUnits: number, currency: string, options: Intl.NumberFormatOptions = {}): string {
  const format = cached(`c|${locale}|${currency}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency, ...options })) as Intl.NumberFormat;
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** Math.max(2, digits));
}

/** 0.66 → "66 %" in fr, "66%" in en. */
export function formatPercent(locale: string, ratio: number, options: Intl.NumberFormatOptions = {}): string {
  return formatNumber(locale, ratio, { style: 'percent', maximumFractionDigits: 2, ...options });
}

/** The plural category of a number in a locale ("one", "other", "few"…). */
export function pluralCategory(locale: string, value: number): Intl.LDMLPluralRule {
  return (cached(`p|${locale}`, () => new Intl.PluralRules(locale)) as Intl.PluralRules).select(value);
}

/** Picks the form for a count: `plural('fr', 2, { one: 'signature', other: 'signatures' })`. */
export function plural(locale: string, value: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  return forms[pluralCategory(locale, value)] ?? forms.other;
}

/** A date in a locale, e.g. ("fr", "2018") → "2018"; ("fr", "2018-03-01") → "1 mars 2018". */
export function formatDate(locale: string, isoDate: string, options?: Intl.DateTimeFormatOptions): string {
  const parts = isoDate.split('-');
  const date = new Date(Date.UTC(Number(parts[0]), Number(parts[1] ?? 1) - 1, Number(parts[2] ?? 1)));
  if (Number.isNaN(date.getTime())) return isoDate;
  const resolved = options ?? (parts.length === 1 ? { year: 'numeric' } : parts.length === 2 ? { year: 'numeric', month: 'long' } : { dateStyle: 'long' });
  return (cached(`d|${locale}|${JSON.stringify(resolved)}`, () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...resolved })) as Intl.DateTimeFormat).format(date);
}

// Codes Intl.DisplayNames knows that are not countries or territories.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ', 'AN', 'BU', 'CS', 'DD', 'FX', 'NT', 'SU', 'TP', 'YD', 'YU', 'ZR', 'CP', 'DG', 'EA', 'IC', 'TA', 'AC', 'CQ']);
let countryCodeList: string[] | undefined;

/**
 * Every ISO 3166-1 alpha-2 country and territory the runtime's Intl knows, found by asking
 * `Intl.DisplayNames` (no country table of our own).
 */
export function countryCodes(): readonly string[] {
  if (!countryCodeList) {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const codes: string[] = [];
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        if (NOT_COUNTRIES.has(code)) continue;
        if (names.of(code) !== undefined) codes.push(code);
      }
    }
    countryCodeList = codes;
  }
  return countryCodeList;
}

/** A country's name in a locale: ("fr", "CN") → "Chine". Unknown codes come back as they are. */
export function countryName(locale: string, code: string): string {
  try {
    return (cached(`r|${locale}`, () => new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })) as Intl.DisplayNames).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Countries sorted by their name in a locale, for a select. */
export function countryOptions(locale: string): Array<{ code: string; name: string }> {
  const collator = new Intl.Collator(locale);
  return countryCodes()
    .map((code) => ({ code, name: countryName(locale, code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** A default country for a locale: its region if it has one ("fr-BE" → "BE"), else the language's usual country. */
export function defaultCountry(locale: string): string | undefined {
  const canonical = canonicalLocale(locale);
  if (!canonical) return undefined;
  const intlLocale = new Intl.Locale(canonical);
  const region = intlLocale.region ?? intlLocale.maximize().region;
  return region && /^[A-Z]{2}$/.test(region) ? region : undefined;
}
