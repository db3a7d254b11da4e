/**
 * A country's name in the reader's language: Intl.DisplayNames, or, for a catalog language an engine's Intl
 * cannot name countries in, a table generated from CLDR (`country-names/<language>.ts`), each its own chunk,
 * loaded only by such an engine. A language has a table when an engine we support (docs/browser-support.md)
 * lacks its names. Measured in December 2026: Chromium 156 has no Uyghur (`ug` resolves to the browser's own
 * locale: "Germany" for گېرمانىيە); Firefox 153, WebKitGTK and Node name countries in every catalog language.
 * Adding one is a line in `tables` and `pnpm country-names`.
 */
import { supportedLanguage } from './locale.js';
import { cached } from './intl.js';

type Names = Readonly<Record<string, string>>;
/** What `lacksCountryNames` asks of `Intl.DisplayNames`. */
type DisplayNamesClass = {
  new (locales: string[], options: Intl.DisplayNamesOptions): Intl.DisplayNames;
  supportedLocalesOf(locales: string[]): string[];
};
/** The CLDR tables (written by packages/core/scripts/write-country-names.ts, which reads this list). */
const tables = {
  ug: () => import('./country-names/ug.js'),
} satisfies Record<string, () => Promise<{ default: Names }>>;
type TableLanguage = keyof typeof tables;
/** @internal The languages with a table. */
export const tableLanguages = Object.keys(tables) as TableLanguage[];
/** The loaded tables, by the locale they stand in for, and each locale's load (decided once). */
const loaded = new Map<string, Names>();
const loads = new Map<string, Promise<void>>();

/**
 * The language whose CLDR table a locale needs, or undefined when the engine names countries in it (or there
 * is no table): when `Intl.DisplayNames` does not support the locale (its names would be those of the
 * browser's own language), or answers with codes (root data only).
 */
export function lacksCountryNames(locale: string, names: DisplayNamesClass = Intl.DisplayNames): TableLanguage | undefined {
  const language = supportedLanguage(locale);
  if (!language || !(language in tables)) return undefined;
  try {
    const lacking =
      !names.supportedLocalesOf([locale]).length || new names([locale], { type: 'region', fallback: 'code' }).of('DE') === 'DE';
    return lacking ? (language as TableLanguage) : undefined;
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
