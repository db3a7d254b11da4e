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
