/**
 * The contract's building blocks, shared by its schemas. The schemas live in several modules so that a
 * bundle takes only those it uses: a zod schema is built by a top-level call, which a bundler keeps
 * whenever it keeps the module (petition-form carries the signature schemas, never the case schemas).
 */
import * as z from 'zod/mini';
import { CLEAN_TEXT_MESSAGE, CLEAN_TEXT_PATTERN, COUNTRY_PATTERN, ID_PATTERN, LOCALE_PATTERN } from '../vocabulary.js';

// No `new Function` probe or JIT: Agir runs under strict CSPs (no 'unsafe-eval'), where even a caught probe
// is reported as a securitypolicyviolation.
z.config({ jitless: true });

/** An identifier usable in a URL path segment. */
export const idSchema = z.string().check(z.regex(ID_PATTERN, 'expected an id of letters, digits, "-" or "_" (1-64)'));
/** ISO 3166-1 alpha-2 country code, upper case. */
export const countryCodeSchema = z.string().check(z.regex(COUNTRY_PATTERN, 'expected an ISO 3166-1 alpha-2 country code such as "FR"'));
/** BCP 47 language tag (loose). */
export const localeSchema = z.string().check(z.regex(LOCALE_PATTERN, 'expected a BCP 47 language tag such as "fr" or "pt-BR"'));
/** An ISO 8601 date-time with an offset. */
export const isoDateTime = () => z.iso.datetime({ offset: true });
/** Bounded plain text: never rendered as HTML by any element; no U+0000, non-character or lone surrogate. */
export const text = (max: number) => z.string().check(z.maxLength(max), z.regex(CLEAN_TEXT_PATTERN, CLEAN_TEXT_MESSAGE));
export const nonEmptyText = (max: number) =>
  z.string().check(z.trim(), z.minLength(1), z.maxLength(max), z.regex(CLEAN_TEXT_PATTERN, CLEAN_TEXT_MESSAGE));
