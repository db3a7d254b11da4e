/**
 * Message catalogs: one module per language, loaded on demand; a missing key falls back to English and is
 * reported once.
 */
import { catalogLanguage, type Language } from './locale.js';

/** A message: plain text with `{name}` placeholders, or a function of its parameters. */
export type Message = string | ((params: Record<string, unknown>, locale: string) => string);
export type Catalog = Record<string, Message>;
export type Params = Record<string, string | number | undefined>;
export type Translate<M extends Catalog> = (key: keyof M & string, params?: Params) => string;

type Loader<T> = () => Promise<{ default: T }>;

/**
 * The languages of a catalog. English is the fallback for every key another language lacks, so it is
 * either bundled (`en: messages`) or, when every other language is complete (its type says so), loaded on
 * demand like the others (`en: () => import('./en.js')`), which keeps it out of pages in other languages.
 */
export type CatalogLoaders<M extends Catalog> =
  | ({ en: M } & { [L in Exclude<Language, 'en'>]?: Loader<Partial<M>> })
  | ({ en: Loader<M> } & { [L in Exclude<Language, 'en'>]?: Loader<M> });

const warned = new Set<string>();

/** For tests: forget which missing keys were already reported. */
export function resetMissingKeyWarnings(): void {
  warned.clear();
}

/** `template` with its `{name}` placeholders filled from `params` (a missing one is left as it is). */
export function interpolate(template: string, params: Params): string {
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
  const bundled = typeof loaders.en === 'function' ? undefined : loaders.en;
  const cache = new Map<Language, Promise<Partial<M>>>();
  const get = (language: Language): Promise<Partial<M>> => {
    let entry = cache.get(language);
    if (!entry) {
      const loader = (language === 'en' ? undefined : loaders[language]) ?? (bundled ? undefined : (loaders.en as Loader<M>));
      entry = loader ? loader().then((module) => module.default) : Promise.resolve(bundled!);
      // A failed load is tried again next time (the network may be back).
      entry.catch(() => cache.get(language) === entry && cache.delete(language));
      cache.set(language, entry);
    }
    return entry;
  };
  const translator =
    (locale: string, language: Language, messages: Partial<M>): Translate<M> =>
    (key, params = {}) => {
      let message = messages[key];
      if (message === undefined) {
        message = bundled?.[key];
        const id = `${name}:${language}:${key}`;
        if (language !== 'en' && !warned.has(id)) {
          warned.add(id);
          console.warn(
            `Agir: the "${language}" catalog of ${name} has no message "${key}"; showing ${message === undefined ? 'its key' : 'English'}.`,
          );
        }
      }
      if (message === undefined) return key;
      return typeof message === 'function' ? message(params, locale) : interpolate(message, params);
    };
  return {
    name,
    /** English, when it is bundled (else every key as it is, until a catalog is loaded). */
    english: translator('en', 'en', bundled ?? {}),
    /** Resolves the catalog for a locale tag (any tag; unsupported languages get English). */
    async load(locale: string): Promise<Translate<M>> {
      const language = catalogLanguage(locale);
      try {
        return translator(locale, language, await get(language));
      } catch (error) {
        if (language === 'en') throw error;
        console.error(`Agir: could not load the "${language}" messages of ${name}; showing English.`, error);
        return translator(locale, 'en', await get('en'));
      }
    },
  };
}
