/**
 * The contract's vocabulary and formats, with no zod in them: the schemas of contract.ts and the readers
 * of read.ts both build on these, so the two can never drift apart on a word or a pattern.
 */

export { ID_PATTERN } from './id.js';
/** ISO 3166-1 alpha-2, upper case. */
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;
/** BCP 47 language tag (loose). */
/** A postal code as the contract takes it (letters, digits, spaces, "-"; at most 16 characters, trimmed). */
export const POSTAL_CODE_PATTERN = /^[A-Za-z0-9 -]*$/;
/** A phone number as the contract takes it (at most 32 characters, trimmed). */
export const PHONE_PATTERN = /^\+?[0-9 ().-]{4,31}$/;

/**
 * A phone number or postal code typed in Arabic-Indic or Persian digits, or in full-width ones (a Chinese or
 * Japanese input method's), written in ASCII digits, as the contract takes it: "+٢٠ ١٠٠" → "+20 100".
 */
export const asciiDigits = (text: string): string =>
  text.normalize('NFKC').replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String((digit.charCodeAt(0) - 0x0660) % 0x90));

export const LOCALE_PATTERN = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;
/**
 * Text that PostgreSQL can store and every reader can show: no U+0000, no non-character (U+FDD0-U+FDEF and
 * the last two code points of every plane, U+FFFE/U+FFFF to U+10FFFE/U+10FFFF), no lone surrogate (half of
 * a UTF-16 pair, which has no UTF-8 form). Unicode properties keep it short in the browser bundles (the
 * UTF-16 spelling below costs petition-form 150 B gzip); a test holds the two equal on every code point.
 */
export const CLEAN_TEXT_PATTERN = /^[^\0\p{Cs}\p{Noncharacter_Code_Point}]*$/u;
/**
 * The same rule spelled for any regular-expression dialect (UTF-16 code units, no `u` flag, no Unicode
 * properties): the published JSON Schema uses it. A validator that matches by code point still refuses all
 * of these but the supplementary-plane non-characters.
 */
export const CLEAN_TEXT_PORTABLE_PATTERN =
  '^(?:[^\\u0000\\uD800-\\uDFFF\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]|(?![\\uD83F\\uD87F\\uD8BF\\uD8FF\\uD93F\\uD97F\\uD9BF\\uD9FF\\uDA3F\\uDA7F\\uDABF\\uDAFF\\uDB3F\\uDB7F\\uDBBF\\uDBFF][\\uDFFE\\uDFFF])[\\uD800-\\uDBFF][\\uDC00-\\uDFFF])*$';
export const CLEAN_TEXT_MESSAGE = 'expected text without U+0000, non-characters or lone surrogates';
/** True when `value` has no U+0000, non-character or lone surrogate (CLEAN_TEXT_PATTERN). */
export const isCleanText = (value: string): boolean => CLEAN_TEXT_PATTERN.test(value);

/** A year, a year-month or an ISO date. */
export const DAY_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export { caseStatusKinds } from './case-status.js';
export const errorCodes = ['validation', 'not_found', 'closed', 'rate_limited', 'too_large', 'forbidden', 'internal'] as const;

/** True for an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const protocol = new URL(value).protocol;
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
