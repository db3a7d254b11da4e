/**
 * A country's name in the reader's language: Intl.DisplayNames, or, for a catalog language an engine's Intl
 * cannot name countries in, a table generated from CLDR (`country-names/<language>.ts`), each its own chunk,
 * loaded only by such an engine. A language has a table when an engine we support (docs/browser-support.md)
 * lacks its names. Measured in December 2026: Chromium 156 has no Uyghur (`ug` resolves to the browser's own
 * locale: "Germany" for گېرمانىيە); Firefox 153, WebKitGTK and Node name countries in every catalog language.
 * Adding one is a line in `countryNameTables` and `pnpm country-names`.
 */
import { supportedLanguage } from './locale.js';
import { cached } from './intl.js';

type Names = Readonly<Record<string, string>>;
/** What `lacksCountryNames` asks of `Intl.DisplayNames`. */
type DisplayNamesClass = { supportedLocalesOf(locales: string[]): string[] };
/** @internal The CLDR tables by language (written by packages/core/scripts/write-country-names.ts, which reads this list). */
export const countryNameTables = {
  ug: () => import('./country-names/ug.js'),
} satisfies Record<string, () => Promise<{ default: Names }>>;
/** The loaded tables, by the locale they stand in for. */
const loaded = new Map<string, Names>();

/**
 * The language whose CLDR table a locale needs, or undefined when the engine names countries in it (or there
 * is no table): when `Intl.DisplayNames` does not support the locale, whose names would then be those of the
 * browser's own language ("Germany", or "Allemagne" in a French browser, for گېرمانىيە).
 */
export function lacksCountryNames(
  locale: string,
  names: DisplayNamesClass = Intl.DisplayNames,
): keyof typeof countryNameTables | undefined {
  const language = supportedLanguage(locale) as keyof typeof countryNameTables;
  return language in countryNameTables && !names.supportedLocalesOf([locale]).length ? language : undefined;
}

/**
 * Makes `countryName` and `countryOptions` name countries in a locale: loads its CLDR table when the engine
 * lacks the names, else nothing. It never rejects: without the table (its chunk could not load, as the
 * network panel shows), the names are the engine's.
 */
export async function loadCountryNames(locale: string): Promise<void> {
  const language = lacksCountryNames(locale);
  if (language)
    await countryNameTables[language]().then(
      (table) => void loaded.set(locale, table.default),
      () => undefined,
    );
}

/** @internal The CLDR table loaded for a locale, in its language's order, if the engine lacks the names. */
export const countryNameTable = (locale: string): Names | undefined => loaded.get(locale);

/** A country's name in a locale: ("fr", "CN") → "Chine", ("ug", "CN") → "جۇڭگو" in every engine. Unknown codes come back as they are. */
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
