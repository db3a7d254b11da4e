/**
 * Readers for what an endpoint sends back (petition, count event, case, case list, signature response,
 * error body), with no zod in them. Why: zod/mini costs about 5 kB gzip before the first schema, and the
 * read-only elements (counter 10 kB, case card 12 kB, calculator 13 kB, Lit included) cannot carry it. The
 * zod schemas in contract.ts stay the single source of truth (the server, the form's request validation
 * and the published JSON Schema use them); `test/read.test.ts` holds these readers to exactly the same
 * verdicts as the schemas over every example and malformed payload of the contract tests and thousands of
 * generated mutations.
 */
import type { Case, CaseList, CountEvent, ErrorBody, Petition, SignatureResponse } from './contract.js';
import {
  caseStatusKinds,
  CLEAN_TEXT_MESSAGE,
  COUNTRY_PATTERN,
  DAY_PATTERN,
  errorCodes,
  ID_PATTERN,
  isCleanText,
  isHttpUrl,
  LOCALE_PATTERN,
} from './vocabulary.js';

/** What a reader says: the value, or the first problem found with its path. */
export type ReadResult<T> =
  { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };

/** @internal */
export class Problem {
  constructor(
    readonly path: PropertyKey[],
    readonly message: string,
  ) {}
}

export const fail = (path: PropertyKey[], message: string): never => {
  throw new Problem(path, message);
};

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const ID = ID_PATTERN;
const COUNTRY = COUNTRY_PATTERN;
const LOCALE = LOCALE_PATTERN;
const DAY = DAY_PATTERN;
// ISO 8601 date-time with an offset or Z, as zod's iso.datetime({ offset: true }) accepts it.
export const DATE_TIME =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;
const STATUS_KINDS: readonly string[] = caseStatusKinds;
const ERROR_CODES: readonly string[] = errorCodes;

// Each reader returns the value (trimmed where the schema trims) or throws a Problem. The building blocks
// are exported for read-signature.ts (kept apart so that read-only elements do not carry it).
export type Reader<T> = (value: unknown, path: PropertyKey[]) => T;

const int =
  (min: number, max = Number.MAX_SAFE_INTEGER): Reader<number> =>
  (value, path) =>
    Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max
      ? (value as number)
      : fail(path, `expected an integer from ${min} to ${max}`);
const count = int(0);

export const text =
  (max: number, pattern?: RegExp): Reader<string> =>
  (value, path) => {
    if (typeof value !== 'string') return fail(path, 'expected a string');
    if (value.length > max) return fail(path, `expected at most ${max} characters`);
    if (pattern && !pattern.test(value)) return fail(path, 'invalid format');
    if (!isCleanText(value)) return fail(path, CLEAN_TEXT_MESSAGE);
    return value;
  };
export const nonEmpty =
  (max: number): Reader<string> =>
  (value, path) => {
    if (typeof value !== 'string') return fail(path, 'expected a string');
    const trimmed = value.trim();
    if (trimmed.length < 1 || trimmed.length > max) return fail(path, `expected 1 to ${max} characters`);
    return isCleanText(trimmed) ? trimmed : fail(path, CLEAN_TEXT_MESSAGE);
  };
const httpUrl: Reader<string> = (value, path) => {
  const url = text(2048)(value, path);
  return isHttpUrl(url) ? url : fail(path, 'expected an absolute http(s) URL');
};
const oneOf =
  <T extends string>(values: readonly string[]): Reader<T> =>
  (value, path) =>
    typeof value === 'string' && values.includes(value) ? (value as T) : fail(path, `expected one of ${values.join(', ')}`);
export const bool: Reader<boolean> = (value, path) => (typeof value === 'boolean' ? value : fail(path, 'expected a boolean'));
export const dateTime = text(64, DATE_TIME);
export const array =
  <T>(item: Reader<T>, max: number): Reader<T[]> =>
  (value, path) => {
    if (!Array.isArray(value)) return fail(path, 'expected an array');
    if (value.length > max) return fail(path, `expected at most ${max} items`);
    return value.map((entry, index) => item(entry, [...path, index]));
  };
export const optional =
  <T>(reader: Reader<T>): Reader<T | undefined> =>
  (value, path) =>
    value === undefined ? undefined : reader(value, path);

/** Reads an object with exactly the known keys (unknown keys are dropped, as zod objects do). */
export function object<T>(shape: { [K in keyof T]: Reader<T[K]> }): Reader<T> {
  return (value, path) => {
    if (!isObject(value)) return fail(path, 'expected an object');
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape) as Array<keyof T & string>) {
      const read = (shape as Record<string, Reader<unknown>>)[key]!;
      const result = read(value[key], [...path, key]);
      if (result !== undefined) out[key] = result;
    }
    return out as T;
  };
}

export const idText = text(64, ID);

const readPetitionValue = object<Petition>({
  id: idText,
  title: text(500),
  status: oneOf(['open', 'closed']),
  signatureCount: count,
  countryCount: count,
  goal: (value, path) => (value === null ? null : int(1)(value, path)),
  updatedAt: dateTime,
  locale: text(64, LOCALE),
});
const readCountEventValue = object<CountEvent>({ signatureCount: count, countryCount: count });
const readCaseValue = object<Case>({
  id: idText,
  name: nonEmpty(200),
  fullName: optional(text(300)),
  isGroup: bool,
  photo: optional(object({ src: httpUrl, alt: text(500), credit: optional(text(200)), width: int(1, 10000), height: int(1, 10000) })),
  country: text(2, COUNTRY),
  region: optional(text(200)),
  category: array(idText, 20),
  status: object<Case['status']>({ kind: oneOf(STATUS_KINDS), label: optional(text(200)), since: optional(text(10, DAY)) }),
  summary: text(1000),
  story: optional(array(text(5000), 50)),
  quote: optional(object({ text: nonEmpty(2000), author: text(200) })),
  action: optional((value, path) => {
    const label = isObject(value) ? nonEmpty(80)(value.label, [...path, 'label']) : fail(path, 'expected an object');
    const link = value as Record<string, unknown>;
    // As the contract's union: a link if `url` is valid, else a petition if `petition` is.
    try {
      return { label, url: httpUrl(link.url, [...path, 'url']) };
    } catch (problem) {
      if (link.petition === undefined) throw problem;
      return { label, petition: idText(link.petition, [...path, 'petition']) };
    }
  }),
  tags: optional(array(idText, 20)),
  updatedAt: dateTime,
  locale: text(64, LOCALE),
});
const readCaseListValue = object<CaseList>({ items: array(readCaseValue, 1000) });
const readSignatureResponseValue = object<SignatureResponse>({ signatureCount: count, duplicate: bool });
const readErrorBodyValue = object<ErrorBody>({
  error: object<ErrorBody['error']>({
    code: oneOf(ERROR_CODES),
    message: text(2000),
    fields: optional((value, path) => {
      if (!isObject(value)) return fail(path, 'expected an object');
      for (const [key, message] of Object.entries(value)) {
        text(200)(key, path);
        text(200)(message, [...path, key]);
      }
      return value as Record<string, string>;
    }),
  }),
});

export function reader<T>(read: Reader<T>): (value: unknown) => ReadResult<T> {
  return (value) => {
    try {
      return { success: true, data: read(value, []) };
    } catch (error) {
      if (error instanceof Problem) return { success: false, error: { issues: [{ path: error.path, message: error.message }] } };
      throw error;
    }
  };
}

/** Reads `GET /petitions/{id}`. */
export const readPetition = reader(readPetitionValue);
/** Reads a `count` event of the petition stream. */
export const readCountEvent = reader(readCountEventValue);
/** Reads `GET /cases/{id}`. */
export const readCase = reader(readCaseValue);
/** Reads `GET /cases`. */
export const readCaseList = reader(readCaseListValue);
/** Reads the answer to `POST /petitions/{id}/signatures`. */
export const readSignatureResponse = reader(readSignatureResponseValue);
/** Reads a non-2xx error body. */
export const readErrorBody = reader(readErrorBodyValue);
/** Reads `GET /health`. */
export const readHealth = reader<{ ok: true }>((value, path) =>
  isObject(value) && value.ok === true ? { ok: true } : fail([...path, 'ok'], 'expected true'),
);
