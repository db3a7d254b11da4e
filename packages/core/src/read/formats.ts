/**
 * More building blocks of the readers (text, dates, URLs, arrays, booleans), apart from base.ts so that the
 * counter's readers (read/counts.ts) carry none of them.
 */
import { CLEAN_TEXT_MESSAGE, isCleanText, isHttpUrl } from '../vocabulary.js';
import { fail, type Reader } from './base.js';

export const text =
  (max: number, pattern?: RegExp): Reader<string> =>
  (value, path) => {
    if (typeof value !== 'string') return fail(path, 'expected a string');
    if (value.length > max) return fail(path, `expected at most ${max} characters`);
    if (pattern && !pattern.test(value)) return fail(path, 'invalid format');
    if (!isCleanText(value)) return fail(path, CLEAN_TEXT_MESSAGE);
    return value;
  };

// ISO 8601 date-time with an offset or Z, as zod's iso.datetime({ offset: true }) accepts it.
export const DATE_TIME =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;
export const nonEmpty =
  (max: number): Reader<string> =>
  (value, path) => {
    if (typeof value !== 'string') return fail(path, 'expected a string');
    const trimmed = value.trim();
    if (trimmed.length < 1 || trimmed.length > max) return fail(path, `expected 1 to ${max} characters`);
    return isCleanText(trimmed) ? trimmed : fail(path, CLEAN_TEXT_MESSAGE);
  };
export const httpUrl: Reader<string> = (value, path) => {
  const url = text(2048)(value, path);
  return isHttpUrl(url) ? url : fail(path, 'expected an absolute http(s) URL');
};
export const bool: Reader<boolean> = (value, path) => (typeof value === 'boolean' ? value : fail(path, 'expected a boolean'));
export const dateTime = /*#__PURE__*/ text(64, DATE_TIME);
export const array =
  <T>(item: Reader<T>, max: number): Reader<T[]> =>
  (value, path) => {
    if (!Array.isArray(value)) return fail(path, 'expected an array');
    if (value.length > max) return fail(path, `expected at most ${max} items`);
    return value.map((entry, index) => item(entry, [...path, index]));
  };
