/**
 * Which of a record's languages a reader gets: `?locale=` first, then the `Accept-Language` header (by
 * q-value, parsed by Hono's Accept parser), then the record's default language. A wish matches a language
 * exactly, or by its primary language (`en-GB` gets `en`, `fr` gets `fr-CA` when that is all there is).
 */
import { parseAccept } from 'hono/utils/accept';

/** The languages a request asks for, best first: the `?locale=` query, then Accept-Language (q > 0; `*` ends the list). */
export function wishes(query: string | undefined, acceptLanguage: string | undefined): string[] {
  const list = query === undefined ? [] : [query];
  for (const { type, q } of parseAccept(acceptLanguage ?? '').slice(0, 20)) {
    if (q <= 0) continue;
    if (type === '*') break; // any language: the record's default
    list.push(type);
  }
  return list;
}

const primary = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/** The best of `available` for these wishes, else the default language (or the first available). */
export function negotiate(available: readonly string[], wished: readonly string[], defaultLocale: string | undefined): string | undefined {
  for (const wish of wished) {
    const exact = available.find((locale) => locale.toLowerCase() === wish.toLowerCase());
    if (exact) return exact;
    const same = wish.toLowerCase() === primary(wish) ? undefined : available.find((locale) => locale.toLowerCase() === primary(wish));
    if (same) return same;
    const related = available.find((locale) => primary(locale) === primary(wish));
    if (related) return related;
  }
  return defaultLocale !== undefined && available.includes(defaultLocale) ? defaultLocale : available[0];
}
