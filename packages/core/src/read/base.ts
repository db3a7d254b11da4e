/**
 * The building blocks of the contract's readers (read/petition.ts, read/case.ts, read/responses.ts,
 * read-signature.ts): zod-free, so that a read-only element carries only the readers of what it reads.
 * Why no zod: zod/mini costs about 5 kB gzip before the first schema, and the read-only elements (counter
 * 10 kB, case card 12 kB, calculator 13 kB, Lit included) cannot carry it. The zod schemas in contract.ts stay
 * the single source of truth (the server, the form's request validation and the published JSON Schema use
 * them); `test/read.test.ts` holds the readers to exactly the same verdicts as the schemas over every example
 * and malformed payload of the contract tests and thousands of generated mutations.
 */
import { ID_PATTERN } from '../id.js';

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
// Each reader returns the value (trimmed where the schema trims) or throws a Problem.
export type Reader<T> = (value: unknown, path: PropertyKey[]) => T;

export const int =
  (min: number, max = Number.MAX_SAFE_INTEGER): Reader<number> =>
  (value, path) =>
    Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max
      ? (value as number)
      : fail(path, `expected an integer from ${min} to ${max}`);
export const count = /*#__PURE__*/ int(0);

export const oneOf =
  <T extends string>(values: readonly string[]): Reader<T> =>
  (value, path) =>
    typeof value === 'string' && values.includes(value) ? (value as T) : fail(path, `expected one of ${values.join(', ')}`);
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

/** An id (`idSchema`): its pattern alone makes it short, ASCII and so clean text. */
export const idText: Reader<string> = (value, path) =>
  typeof value === 'string' && ID_PATTERN.test(value) ? value : fail(path, 'expected an id of letters, digits, "-" and "_"');

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
