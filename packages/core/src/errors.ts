import type { ErrorCode } from './contract.js';

/** What went wrong, in terms a page author can act on. */
export type AgirErrorKind = 'network' | 'timeout' | 'http' | 'schema' | 'aborted' | 'config';

/**
 * The one error type the client throws. `kind` says what failed; `code` carries the contract's error
 * code for HTTP errors; `fields` the per-field validation messages of a 422.
 */
export class AgirError extends Error {
  /**
   * Any error built by an `AgirError` class is one, also the CDN loader's (`Agir.AgirError`, a page's way to
   * reject from a custom client without importing @agir/core): both carry the `agir.error` brand.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return !!(value as Record<symbol, unknown> | null)?.[brand];
  }

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
    return isTransient(this);
  }
}

const brand = Symbol.for('agir.error');
(AgirError.prototype as unknown as Record<symbol, boolean>)[brand] = true;

/** True when sending the same request again later may succeed: network, timeout, 408, 429, 5xx. */
export function isTransient({ kind, status }: Pick<AgirError, 'kind' | 'status'>): boolean {
  if (kind === 'network' || kind === 'timeout') return true;
  if (kind === 'http' && status !== undefined) return status >= 500 || status === 429 || status === 408;
  return false;
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
