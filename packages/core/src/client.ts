// The client reads responses with the zod-free readers of read.ts (same verdicts as the contract's zod
// schemas, tested), so an element that only reads data does not download zod.
import type { Case, Petition, SignatureRequest } from './contract.js';
import type { Acknowledgement } from './queue.js';
import { AgirError, fieldErrors } from './errors.js';
import { parseRetryAfter, retryDelay } from './retry.js';
import { readCase, readCaseList } from './read/case.js';
import { readPetition } from './read/petition.js';
import { readErrorBody, readHealth, readSignatureResponse } from './read/responses.js';
import type { ReadResult } from './read/base.js';

type Read<T> = (value: unknown) => ReadResult<T>;

export interface ClientOptions {
  /** Base URL of the endpoint, e.g. `https://api.example.org/agir/v1`. */
  endpoint: string;
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof fetch;
  /** Time allowed for one attempt, in ms (default 10 000). */
  timeoutMs?: number;
  /** How many times a safe request is retried after the first attempt (default 3). */
  retries?: number;
  /** First backoff delay in ms (default 400); doubles each retry, with jitter (`retryDelay`). */
  backoffMs?: number;
  /** Longest wait between attempts, `Retry-After` included, in ms (default 30 000). */
  maxDelayMs?: number;
  /** Test seams. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface SignResult extends Acknowledgement {
  /** HTTP status: 201 for a new signature (an email that signed before included), 200 for a retry of one answered already. */
  status: number;
}

/**
 * The client interface elements talk to: any object with these methods can stand in for a backend (see
 * docs/backends.md). What a client has is what it can do: an element needs only some methods (a counter
 * `getPetition`, a case card `getCase`, a list of cases `listCases`, a form `sign`, and `getPetition` to know
 * whether the petition is closed when it has it); an element given a client without the method it needs
 * says so in the console and shows that it is unavailable. Reject with an `AgirError` (`Agir.AgirError` on a
 * CDN page): its `kind` and `status` say whether trying again may help (`network`, `timeout`, HTTP 408, 429, 5xx).
 */
export interface AgirClient {
  /**
   * A stable name of the backend, the same on every visit: the form's durable queue files a signature under
   * it, so a signature saved in one visit goes to the same backend in the next (`agir:<endpoint>`,
   * `actionnetwork:<url>`, `webhook:<url>`, `static:<url>`). A custom client that signs must have one.
   */
  readonly id?: string;
  readonly endpoint: string;
  /** `locale`: the language wished for the petition's words (`?locale=`; the server negotiates, the answer's `locale` says). */
  getPetition?(id: string, options?: RequestOptions & { locale?: string }): Promise<Petition>;
  sign?(petitionId: string, request: SignatureRequest, options?: RequestOptions): Promise<SignResult>;
  getCase?(id: string, options?: RequestOptions & { locale?: string }): Promise<Case>;
  listCases?(query?: { tag?: string; locale?: string }, options?: RequestOptions): Promise<Case[]>;
  health?(options?: RequestOptions): Promise<boolean>;
  /**
   * URL of the petition's server-sent event stream (`count` events), when the backend has one. Without it a
   * counter reads the petition once, then polls `getPetition` (every 30 s, or its `interval`; backing off on errors).
   */
  streamUrl?(petitionId: string): string;
  /** URL of the stream of several petitions (`GET /stream?petitions=a,b`), when the backend has one. */
  streamsUrl?(petitionIds: readonly string[]): string;
}

/** The contract's client: every method (what `createClient` gives). */
export type FullClient = Required<AgirClient>;

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function abortError(signal?: AbortSignal): AgirError {
  return new AgirError('aborted', 'The request was aborted by the page.', { cause: signal?.reason });
}

/**
 * One HTTP attempt with a timeout: a network failure, a timeout and the page's abort become `AgirError`s
 * (`network`, `timeout`, `aborted`) whose messages tell the page author what to check. The adapters use it too.
 */
export async function fetchOnce(
  doFetch: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Response> {
  if (signal?.aborted) throw abortError(signal);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await doFetch(url, { ...init, signal: controller.signal });
  } catch (cause) {
    if (signal?.aborted) throw abortError(signal);
    if (timedOut) {
      throw new AgirError(
        'timeout',
        `Agir: ${init.method ?? 'GET'} ${url} took longer than ${timeoutMs} ms. Check that the endpoint is up and reachable.`,
        { url, cause },
      );
    }
    throw new AgirError(
      'network',
      `Agir: could not reach ${url} (${describe(cause)}). Check the endpoint URL and that the server allows this page's origin (CORS).`,
      { url, cause },
    );
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** An adapter's URL with `{petition}` (as written, or as `new URL` escaped it) replaced by the petition id. */
export const fillPetition = (template: string, petition: string): string =>
  template.replace(/\{petition\}|%7Bpetition%7D/i, encodeURIComponent(petition));

/** Normalises an endpoint: absolute URL, no trailing slash. Throws a config error a page author can act on. */
export function normaliseEndpoint(endpoint: string, base?: string): string {
  let url: URL;
  try {
    url = new URL(endpoint, base);
  } catch (cause) {
    throw new AgirError(
      'config',
      `Agir: endpoint "${endpoint}" is not a valid URL. Set it to the API base, e.g. "https://example.org/api/v1".`,
      { cause },
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AgirError('config', `Agir: endpoint "${endpoint}" must be an http(s) URL.`);
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * Creates a client for an Agir endpoint. Every response is validated against the contract; errors are
 * `AgirError`s. GETs, and POSTs carrying an idempotency key, are retried with exponential backoff and
 * jitter (`retryDelay`) on network errors, timeouts, 408, 429 and 5xx, honouring `Retry-After`.
 */
export function createClient(options: ClientOptions): FullClient {
  const base = typeof location === 'undefined' ? undefined : location.href;
  const endpoint = normaliseEndpoint(options.endpoint, base);
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 400;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;

  const attempt = (url: string, init: RequestInit, signal: AbortSignal | undefined): Promise<Response> =>
    fetchOnce(doFetch, url, init, timeoutMs, signal);

  async function request<T>(
    method: 'GET' | 'POST',
    path: string,
    read: Read<T>,
    { body, idempotent, signal }: { body?: unknown; idempotent: boolean; signal?: AbortSignal | undefined },
  ): Promise<{ data: T; status: number }> {
    const url = endpoint + path;
    const init: RequestInit = {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      credentials: 'omit',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    };
    let lastError: AgirError | undefined;
    for (let tryIndex = 0; tryIndex <= retries; tryIndex++) {
      if (tryIndex > 0 && lastError) {
        const backoff = retryDelay(tryIndex, backoffMs, maxDelayMs, random);
        const wait = lastError.retryAfterMs === undefined ? backoff : Math.max(backoff, lastError.retryAfterMs);
        if (wait > maxDelayMs) throw lastError;
        await sleep(wait, signal);
      }
      try {
        const response = await attempt(url, init, signal);
        return { data: await readResponse(response, url, read), status: response.status };
      } catch (error) {
        if (!(error instanceof AgirError)) throw error;
        if (!error.transient || !idempotent) throw error;
        lastError = error;
      }
    }
    throw lastError ?? new AgirError('network', `Agir: ${url} failed.`);
  }

  return {
    id: `agir:${endpoint}`,
    endpoint,
    getPetition: async (id, opts = {}) =>
      (
        await request(
          'GET',
          `/petitions/${encodeURIComponent(id)}${opts.locale ? `?locale=${encodeURIComponent(opts.locale)}` : ''}`,
          readPetition,
          { idempotent: true, signal: opts.signal },
        )
      ).data,
    sign: async (petitionId, body, opts = {}) => {
      const { data, status } = await request('POST', `/petitions/${encodeURIComponent(petitionId)}/signatures`, readSignatureResponse, {
        body,
        idempotent: typeof body.idempotencyKey === 'string' && body.idempotencyKey.length > 0,
        signal: opts.signal,
      });
      return { ...data, status };
    },
    getCase: async (id, opts = {}) =>
      (
        await request(
          'GET',
          `/cases/${encodeURIComponent(id)}${opts.locale ? `?locale=${encodeURIComponent(opts.locale)}` : ''}`,
          readCase,
          { idempotent: true, signal: opts.signal },
        )
      ).data,
    listCases: async (query = {}, opts = {}) => {
      const params = new URLSearchParams();
      if (query.tag) params.set('tag', query.tag);
      if (query.locale) params.set('locale', query.locale);
      const qs = params.toString();
      return (await request('GET', `/cases${qs ? `?${qs}` : ''}`, readCaseList, { idempotent: true, signal: opts.signal })).data.items;
    },
    health: async (opts = {}) => (await request('GET', '/health', readHealth, { idempotent: true, signal: opts.signal })).data.ok,
    streamUrl: (petitionId) => `${endpoint}/petitions/${encodeURIComponent(petitionId)}/stream`,
    streamsUrl: (petitionIds) => `${endpoint}/stream?petitions=${petitionIds.map(encodeURIComponent).join(',')}`,
  };
}

/** Reads an answer: an `AgirError` for a non-2xx status (with the contract's error body when there is one), else `read`'s verdict. */
export async function readResponse<T>(response: Response, url: string, read: Read<T>): Promise<T> {
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  let payload: unknown;
  const raw = await response.text().catch(() => '');
  try {
    payload = raw === '' ? undefined : JSON.parse(raw);
  } catch {
    payload = undefined;
    if (response.ok) {
      throw new AgirError(
        'schema',
        `Agir: ${url} answered ${response.status} with a body that is not JSON. Is the endpoint URL pointing at the API (it usually ends in /api/v1)?`,
        { status: response.status, url },
      );
    }
  }
  if (!response.ok) {
    const parsed = readErrorBody(payload);
    const code = parsed.success ? parsed.data.error.code : undefined;
    const serverMessage = parsed.success ? `: ${parsed.data.error.message}` : '';
    throw new AgirError('http', `Agir: ${url} answered HTTP ${response.status}${code ? ` (${code})` : ''}${serverMessage}`, {
      status: response.status,
      ...(code === undefined ? {} : { code }),
      ...(parsed.success && parsed.data.error.fields ? { fields: parsed.data.error.fields } : {}),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      url,
    });
  }
  const result = read(payload);
  if (!result.success) {
    const fields = fieldErrors(result.error.issues);
    const detail = Object.entries(fields)
      .slice(0, 5)
      .map(([path, message]) => `${path}: ${message}`)
      .join('; ');
    throw new AgirError(
      'schema',
      `Agir: ${url} answered with data that does not match the Agir contract (${detail}). Check that the backend implements the contract in docs/contract.md.`,
      {
        status: response.status,
        fields,
        url,
      },
    );
  }
  return result.data;
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
