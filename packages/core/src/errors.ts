import type { ErrorCode } from './contract.js';

/** What went wrong, in terms a page author can act on. */
export type AgirErrorKind = 'network' | 'timeout' | 'http' | 'schema' | 'aborted' | 'config';

/**
 * The one error type the client throws. `kind` says what failed; `code` carries the contract's error
 * code for HTTP errors; `fields` the per-field validation messages of a 422.
 */
export class AgirError extends Error {
  override readonly name = 'AgirError';
  readonly kind: AgirErrorKind;
  readonly status: number | undefined;
  readonly code: ErrorCode | undefined;
  readonly fields: Readonly<Record<string, string>>;
  readonly retryAfterMs: number | undefined;
  readonly url: string | undefined;

  constructor(
    kind: AgirErrorKind,
    message: string,
    options: {
      status?: number;
      code?: ErrorCode;
      fields?: Record<string, string>;
      retryAfterMs?: number;
      url?: string;
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.code = options.code;
    this.fields = options.fields ?? {};
    this.retryAfterMs = options.retryAfterMs;
    this.url = options.url;
  }

  /** True when sending the same request again later may succeed (network, timeout, 5xx, 429). */
  get transient(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    if (this.kind === 'http' && this.status !== undefined) return this.status >= 500 || this.status === 429 || this.status === 408;
    return false;
  }
}

export function isAgirError(value: unknown): value is AgirError {
  return value instanceof AgirError;
}

/**
 * Turns validation issues into `{ "person.email": "message" }`, the `fields` shape of the contract's
 * error body (the first message for each path).
 */
export function fieldErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '(root)';
    fields[path] ??= issue.message;
  }
  return fields;
}
