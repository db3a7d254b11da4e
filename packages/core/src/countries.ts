/**
 * Country names and lists from Intl.DisplayNames; for a catalog language an engine's Intl cannot name
 * countries in (Chromium has no Uyghur), a table generated from CLDR (`country-names/`), loaded only then.
 */
import { canonicalLocale, supportedLanguage, type Language } from './locale.js';
import { cached } from './intl.js';

type Names = Readonly<Record<string, string>>;
/** What `lacksCountryNames` asks of `Intl.DisplayNames`. */
type DisplayNamesClass = {
  new (locales: string[], options: Intl.DisplayNamesOptions): Intl.DisplayNames;
  supportedLocalesOf(locales: string[]): string[];
};
/** The CLDR tables, one chunk each (written by packages/core/scripts/write-country-names.ts). */
const tables: Record<Exclude<Language, 'en'>, () => Promise<{ default: Names }>> = {
  fr: () => import('./country-names/fr.js'),
  es: () => import('./country-names/es.js'),
  de: () => import('./country-names/de.js'),
  ar: () => import('./country-names/ar.js'),
  it: () => import('./country-names/it.js'),
  nl: () => import('./country-names/nl.js'),
  pt: () => import('./country-names/pt.js'),
  ug: () => import('./country-names/ug.js'),
  'zh-Hans': () => import('./country-names/zh-Hans.js'),
};
/** The loaded tables, by the locale they stand in for, and each locale's load (decided once). */
const loaded = new Map<string, Names>();
const loads = new Map<string, Promise<void>>();

/**
 * The catalog language whose CLDR table a locale needs, or undefined when the engine names countries in it
 * (or there is no table): when `Intl.DisplayNames` does not support the locale (its names would be those of the
 * browser's own language), or answers with codes (root data only). Measured: Chromium 156 supports none of
 * `ug` (it resolves to the browser's locale: "Germany" for گېرمانىيە); Firefox 153, WebKitGTK and Node name
 * countries in every catalog language.
 */
export function lacksCountryNames(locale: string, names: DisplayNamesClass = Intl.DisplayNames): Exclude<Language, 'en'> | undefined {
  const language = supportedLanguage(locale);
  if (!language || language === 'en') return undefined;
  try {
    const lacking =
      !names.supportedLocalesOf([locale]).length || new names([locale], { type: 'region', fallback: 'code' }).of('DE') === 'DE';
    return lacking ? language : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes `countryName` and `countryOptions` name countries in a locale: loads its CLDR table when the engine
 * lacks the names, else nothing. It never rejects (without the table, names are the engine's).
 */
export function loadCountryNames(locale: string): Promise<void> {
  let load = loads.get(locale);
  if (!load) {
    const language = lacksCountryNames(locale);
    load = language
      ? tables[language]().then(
          (module) => void loaded.set(locale, module.default),
          (error: unknown) => {
            loads.delete(locale); // tried again next time (the network may be back)
            console.error(`Agir: could not load the "${language}" country names; showing the browser's.`, error);
          },
        )
      : Promise.resolve();
    loads.set(locale, load);
  }
  return load;
}

/** A country's name in a locale: ("fr", "CN") → "Chine", ("ug", "CN") → "جۇڭگو" everywhere. Unknown codes come back as they are. */
export function countryName(locale: string, code: string): string {
  const upper = code.toUpperCase();
  const table = loaded.get(locale)?.[upper];
  if (table) return table;
  try {
    return (
      (cached(`r|${locale}`, () => new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })) as Intl.DisplayNames).of(upper) ??
      code
    );
  } catch {
    return code;
  }
}

// Codes Intl.DisplayNames knows that are not countries or territories.
const NOT_COUNTRIES = new Set([
  // Withdrawn codes Intl still names like current countries (DY Benin, HV Burkina Faso, NH Vanuatu, RH Zimbabwe, VD Vietnam, UK for GB).
  'DY',
  'HV',
  'NH',
  'RH',
  'VD',
  'UK',
  'EU',
  'EZ',
  'UN',
  'QO',
  'XA',
  'XB',
  'ZZ',
  'AN',
  'BU',
  'CS',
  'DD',
  'FX',
  'NT',
  'SU',
  'TP',
  'YD',
  'YU',
  'ZR',
  'CP',
  'DG',
  'EA',
  'IC',
  'TA',
  'AC',
  'CQ',
]);
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

/** Countries sorted by their name in a locale, for a select (a CLDR table's in its own order: the engine's Collator may lack the language too). */
export function countryOptions(locale: string): Array<{ code: string; name: string }> {
  const table = loaded.get(locale);
  if (table) return Object.entries(table).map(([code, name]) => ({ code, name }));
  const collator = new Intl.Collator(locale);
  return countryCodes()
    .map((code) => ({ code, name: countryName(locale, code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * CLDR's likely region of the catalog languages, as `Intl.Locale#maximize` answers it (a test holds them
 * equal): the first `maximize()` loads ICU's likely-subtags data, 7 to 30 ms in Chromium, on a form's first render.
 */
export const likelyRegions: Readonly<Record<string, string>> = {
  en: 'US',
  fr: 'FR',
  es: 'ES',
  de: 'DE',
  ar: 'EG',
  it: 'IT',
  nl: 'NL',
  pt: 'BR',
  ug: 'CN',
  'zh-Hans': 'CN',
};

/**
 * Languages whose form starts with no country, whatever the tag's region: the signer picks. Their usual
 * country is China, and a diaspora signer who keeps a default of China is recorded as being there, which on a
 * rights petition is wrong and can endanger them (`ug-CN` and `zh-CN` name the script's home, not where the
 * reader is: most Simplified Chinese browsers say `zh-CN` wherever they are). The others keep theirs: their
 * usual country is not the state a campaign's readers flee, and its name is in the reader's own language.
 */
const NO_DEFAULT: ReadonlySet<string> = new Set<Language>(['ug', 'zh-Hans']);

/**
 * A default country for a locale: its region if it has one ("fr-BE" → "BE"), else the language's usual
 * country; none for Uyghur and Simplified Chinese (`NO_DEFAULT`).
 */
export function defaultCountry(locale: string): string | undefined {
  const canonical = canonicalLocale(locale);
  if (!canonical || NO_DEFAULT.has(supportedLanguage(canonical)!)) return undefined;
  const intlLocale = new Intl.Locale(canonical);
  const region = intlLocale.region ?? likelyRegions[canonical] ?? intlLocale.maximize().region;
  return region && /^[A-Z]{2}$/.test(region) ? region : undefined;
}
