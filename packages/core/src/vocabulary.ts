/**
 * The contract's vocabulary and formats, with no zod in them: the schemas of contract.ts and the readers
 * of read.ts both build on these, so the two can never drift apart on a word or a pattern.
 */

/** An id usable in a URL path segment: letters, digits, "-" or "_", 1 to 64. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
/** ISO 3166-1 alpha-2, upper case. */
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;
/** BCP 47 language tag (loose). */
export const LOCALE_PATTERN = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;
/** A year, a year-month or an ISO date. */
export const DAY_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export const caseStatusKinds = [
  'detained',
  'imprisoned',
  'disappeared',
  'released',
  'at-risk',
  'sentenced',
  'on-trial',
  'harassed',
  'killed',
  'other',
] as const;
export const errorCodes = ['validation', 'not_found', 'closed', 'rate_limited', 'too_large', 'internal'] as const;

/** True for an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const protocol = new URL(value).protocol;
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
