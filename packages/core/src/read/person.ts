/**
 * The signer's fields (`personSchema`), read without zod: petition-form checks each field as it is typed, and
 * zod/mini would cost it about 5 kB gzip for these six rules. The patterns are the schema's own (vocabulary.ts;
 * the email pattern is zod's, imported from it), and `test/read.test.ts` holds these readers to the schema's
 * verdicts and data as it holds the other readers.
 */
import { regexes } from 'zod/v4/core';
import type { Person } from '../schemas/person.js';
import { COUNTRY_PATTERN, PHONE_PATTERN, POSTAL_CODE_PATTERN } from '../vocabulary.js';
import { fail, object, optional, type Reader } from './base.js';
import { nonEmpty } from './formats.js';

/** A string, trimmed, then held to a length and a pattern (the schema's `z.trim()` first). */
const trimmed =
  (max: number, pattern: RegExp): Reader<string> =>
  (value, path) => {
    if (typeof value !== 'string') return fail(path, 'expected a string');
    const text = value.trim();
    if (text.length > max) return fail(path, `expected at most ${max} characters`);
    return pattern.test(text) ? text : fail(path, 'invalid format');
  };

/** One reader per field of `Person`. */
export const personFields: { [K in keyof Person]-?: Reader<Person[K]> } = {
  givenName: nonEmpty(100),
  familyName: nonEmpty(100),
  email: trimmed(254, regexes.email),
  country: (value, path) =>
    typeof value === 'string' && COUNTRY_PATTERN.test(value) ? value : fail(path, 'expected an ISO 3166-1 alpha-2 country code'),
  postalCode: optional(trimmed(16, POSTAL_CODE_PATTERN)),
  phone: optional(trimmed(32, PHONE_PATTERN)),
};

export const readPersonValue: Reader<Person> = object(personFields);

/** Whether `value` is valid for one field of the signer, as `personSchema` would judge it. */
export function isValidPersonField(field: keyof Person, value: unknown): boolean {
  try {
    personFields[field](value, []);
    return true;
  } catch {
    return false;
  }
}
