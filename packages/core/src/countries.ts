/** Country lists for a select and a form's default country; their names come from country-names.ts. */
import { canonicalLocale, supportedLanguage, type Language } from './locale.js';
import { countryName, countryNameTable } from './country-names.js';

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
  const table = countryNameTable(locale);
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
