/**
 * When to try again: the one backoff and the one `Retry-After` reader of Agir, used by the HTTP client
 * (`client.ts`), the signature queue (`queue.ts`) and the counters' shared store (elements' `petition-store.ts`).
 */

/**
 * Delay before retry number `attempt` (1 for the first retry): `baseMs × 2^(attempt − 1)`, capped at `maxMs`,
 * times a jitter in [0.5, 1), so that many pages failing together do not all come back at once, and none
 * comes back at once either.
 */
export function retryDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  return Math.round(Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1)) * (0.5 + random() / 2));
}

/** A `Retry-After` header (seconds, or an HTTP date) in ms from `now` (0 for a date past); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  const ms = !value ? NaN : /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}
