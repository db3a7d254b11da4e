/**
 * What protects the API: CORS (public reads to every origin, signatures by allow-list), token buckets per client
 * address (signing, junk and reads apart: see RateLimits in config.ts), and the security headers every response carries.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { RateLimitOptions } from './config.js';

// ---------------------------------------------------------------------------------------------
// CORS

export interface CorsPolicy {
  /** Origins allowed to sign every petition: a list, or '*' (any origin, the default). */
  global: readonly string[] | '*';
  /** A petition's own allow-list for signatures (its `cors_origins`); empty when it has none. */
  petitionOrigins(petitionId: string): Promise<readonly string[]>;
}

const ALLOWED_HEADERS = 'Content-Type, Accept, If-None-Match, Last-Event-ID';
const EXPOSED_HEADERS = 'ETag, Retry-After';
/** Public reads: counts, streams, cases and case lists (every GET under these, future ones included). */
const PUBLIC_READ_PATH = /^\/api\/v1\/(petitions|cases|stream|actionnetwork\/petitions)(\/|$)/;
const SIGNATURE_PATH = /^\/api\/v1\/petitions\/([^/]+)\/signatures(\/form)?\/?$/;

/** Normalises an origin as browsers send it (`https://example.org`, no path, no trailing slash). */
export function normaliseOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a cross-origin page may do with a request: `read` (public data, to any origin), `sign` (a
 * signature route, for the origins its petition allows), or nothing (`none`: health checks, operator
 * routes and anything not named here stay same-origin).
 */
export function corsRoute(method: string, path: string): { kind: 'read' } | { kind: 'sign'; petitionId: string } | { kind: 'none' } {
  const upper = method.toUpperCase();
  const signature = SIGNATURE_PATH.exec(path);
  if (signature) {
    if (upper !== 'POST') return { kind: 'none' };
    // Not an id when malformed: no petition has its own list, and the route answers 404.
    return { kind: 'sign', petitionId: decodePathSegment(signature[1]!) ?? '' };
  }
  if ((upper === 'GET' || upper === 'HEAD') && PUBLIC_READ_PATH.test(path)) return { kind: 'read' };
  return { kind: 'none' };
}

/** A percent-decoded path segment, or undefined when its encoding is malformed (`%E0%A4%A`, `%zz`). */
export function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The origins that may sign a petition: its own allow-list when it has one (plus the global list when
 * that is a list), else the global list — `'*'` by default.
 */
export async function signingOrigins(policy: CorsPolicy, petitionId: string): Promise<readonly string[] | '*'> {
  const own = petitionId ? await policy.petitionOrigins(petitionId) : [];
  if (own.length === 0) return policy.global;
  return policy.global === '*' ? own : [...new Set([...policy.global, ...own])];
}

/** The `Access-Control-Allow-Origin` to send for a request from `origin`, or undefined when it is refused. */
export async function allowOrigin(
  policy: CorsPolicy,
  method: string,
  path: string,
  origin: string | undefined,
): Promise<string | undefined> {
  const route = corsRoute(method, path);
  if (route.kind === 'read') return '*';
  if (route.kind === 'none') return undefined;
  const allowed = await signingOrigins(policy, route.petitionId);
  if (allowed === '*') return '*';
  return origin !== undefined && allowed.includes(origin) ? origin : undefined;
}

/** The JSON signature route (not the HTML form's, which is no CORS request: see `cors`). */
const isJsonSignature = (path: string): boolean => SIGNATURE_PATH.exec(path)?.[2] === undefined;

/**
 * Whether a request comes from a page of the API's own origin: `Sec-Fetch-Site` says so in current browsers;
 * without it, the `Origin`'s host and the `Host` the request was sent to.
 */
function sameOrigin(c: Context, origin: string): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  try {
    return new URL(origin).host === c.req.header('host');
  } catch {
    return false;
  }
}

/**
 * CORS for the API, never with credentials. Public reads answer `Access-Control-Allow-Origin: *` to
 * every request; signatures answer `*` too, or the page's origin when the petition (or the operator)
 * keeps an allow-list. A preflight gets 204 with the allowed method and headers.
 *
 * A JSON signature from a page the allow-list refuses is refused by the server itself: its preflight is
 * let through, and the request is answered 403 `forbidden`, readable by the page. A refused preflight
 * would look like a network failure to the page, and the form would keep the signature for a retry that
 * can never succeed, telling the signer it will be sent. Nothing is read or written for it. The HTML form
 * route is no CORS request (a plain form post): there only where it may redirect is limited.
 */
export function cors(policy: CorsPolicy): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const requestedMethod = c.req.header('access-control-request-method');
    if (c.req.method === 'OPTIONS' && requestedMethod !== undefined) {
      c.header('Vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
      const signing = corsRoute(requestedMethod, c.req.path).kind === 'sign';
      const allowed =
        (await allowOrigin(policy, requestedMethod, c.req.path, origin)) ?? (signing && isJsonSignature(c.req.path) ? origin : undefined);
      if (allowed) {
        c.header('Access-Control-Allow-Origin', allowed);
        c.header('Access-Control-Allow-Methods', signing ? 'POST' : 'GET, HEAD');
        c.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        c.header('Access-Control-Max-Age', '600');
      }
      return c.body(null, 204);
    }
    const route = corsRoute(c.req.method, c.req.path);
    if (route.kind === 'none') return next();
    // Decided before the route runs: a signature invalidates the petition's cached allow-list.
    const allowed = await allowOrigin(policy, c.req.method, c.req.path, origin);
    if (route.kind === 'sign' && !allowed && origin !== undefined && isJsonSignature(c.req.path) && !sameOrigin(c, origin)) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
      const message = `Signatures for this petition are not accepted from pages on ${origin}: the server's operator can allow it (agir-server petition origins, or --cors-origins).`;
      return c.json({ error: { code: 'forbidden', message: message.slice(0, 2000) } }, 403);
    }
    await next();
    if (route.kind === 'sign') c.header('Vary', 'Origin', { append: true }); // a petition's list answers by origin
    if (allowed) {
      c.header('Access-Control-Allow-Origin', allowed);
      c.header('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Rate limit

export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * One token bucket per key: `capacity` tokens, refilled at `refillPerSecond`; a request takes one.
 * Memory is bounded: past `maxKeys`, full buckets (idle clients) are dropped, then the oldest.
 */
export class TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #options: RateLimitOptions;
  readonly #maxKeys: number;
  readonly #now: () => number;

  constructor(options: RateLimitOptions, { maxKeys = 100_000, now = Date.now }: { maxKeys?: number; now?: () => number } = {}) {
    if (!(options.capacity >= 1) || !(options.refillPerSecond > 0))
      throw new RangeError('rate limit: capacity must be >= 1 and refillPerSecond > 0');
    this.#options = options;
    this.#maxKeys = maxKeys;
    this.#now = now;
  }

  get size(): number {
    return this.#buckets.size;
  }

  take(key: string): TakeResult {
    const { capacity, refillPerSecond } = this.#options;
    const now = this.#now();
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size >= this.#maxKeys) this.#prune(now);
      bucket = { tokens: capacity, at: now };
      this.#buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond)) };
  }

  /** Gives back a token taken for a request that turned out not to be of this kind. */
  refund(key: string): void {
    const bucket = this.#buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.#options.capacity, bucket.tokens + 1);
  }

  #prune(now: number): void {
    const { capacity, refillPerSecond } = this.#options;
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond >= capacity) this.#buckets.delete(key);
    }
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size < this.#maxKeys) break;
      this.#buckets.delete(key);
    }
  }
}

/**
 * The rate-limit key of a client: its IPv4 address, or the /64 prefix of its IPv6 address (one host
 * usually holds a whole /64). With `trustProxy`, the last X-Forwarded-For hop (added by your proxy).
 */
export function clientKey(c: Context, trustProxy: boolean): string {
  let address: string | undefined;
  if (trustProxy) address = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
  if (!address) {
    try {
      address = getConnInfo(c).remote.address;
    } catch {
      address = undefined; // not served by @hono/node-server (app.request in tests)
    }
  }
  return address ? addressKey(address) : 'unknown';
}

export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

// ---------------------------------------------------------------------------------------------
// Headers

/** Sent with every response. */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('X-Content-Type-Options', 'nosniff');
  // A page that chose its own (the confirmation page: no referrer at all) keeps it.
  if (!c.res.headers.has('Referrer-Policy')) c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
};

/** API responses are data, never documents. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
