import {
  clientKey,
  parseRetryAfter,
  readCountEvent,
  readPetitionCountEvent,
  readPetitionFigures,
  retryDelay,
  type PetitionFigures,
} from '@agir/core';
import { authorError } from './element-tools.js';

/**
 * One live figure per (endpoint, petition) in a page. Every element that shows a petition's count
 * subscribes to the same store, so ten counters make one request. The store fetches the petition once, then
 * follows the endpoint's server-sent events (`count` events) or, when the endpoint has none or it fails,
 * polls with exponential backoff on errors. It makes no request while the page is hidden and refreshes
 * when the page shows again, and it counts a signature made in the page (`agir-signed`) at once.
 *
 * A page holds at most ONE live connection per endpoint, whatever the number of counters and petitions:
 * the stream of its petition when the page follows one (`/petitions/{id}/stream`), the stream of several
 * (`/stream?petitions=a,b`) when it follows more. Over HTTP/1.1 a browser opens at most six connections
 * per host; a connection per petition would leave none for the form's code and its signature. An endpoint
 * without the stream of several has its petitions polled when the page follows more than one.
 */

/** What a store knows about its petition: core's `PetitionFigures` (counts, goal or null, status). */
export type { PetitionFigures };

/** An error of the last update: `status` for HTTP errors, `retryAfterMs` from a `Retry-After` header. */
export type PetitionStoreError = Error & { status?: number; retryAfterMs?: number };

export interface PetitionSnapshot {
  /**
   * `idle`: nothing asked yet (the page was hidden from the start); `pending`: first fetch under way;
   * `complete`: the figures are current; `error`: the last update failed (`figures` keeps the last known
   * ones, if any).
   */
  readonly state: 'idle' | 'pending' | 'complete' | 'error';
  readonly figures: PetitionFigures | undefined;
  readonly error: PetitionStoreError | undefined;
  /** How new figures arrive now: the endpoint's stream, polling, or neither (paused, or not started). */
  readonly transport: 'stream' | 'polling' | 'none';
}

export type PetitionListener = (snapshot: PetitionSnapshot) => void;

export interface SubscribeOptions {
  /** Polling period this subscriber wants, in ms: the store polls at the shortest one asked for. */
  intervalMs?: number;
  /** The element named in the console when the endpoint fails (the first subscriber's is used). */
  reporter?: Element;
}

/**
 * Where a store gets its figures. Any `AgirClient` of @agir/core fits; for a URL the store uses
 * `petitionReader`, so a page with only a counter does not download the whole client and its schemas.
 */
export interface PetitionSource {
  readonly endpoint: string;
  getPetition(id: string): Promise<PetitionFigures>;
  /** The petition's stream; without it the store reads the petition once, then polls. */
  streamUrl?(id: string): string;
  /** The stream of several petitions (`count` events naming theirs), when the endpoint has one. */
  streamsUrl?(ids: readonly string[]): string;
}

/**
 * Timing of every store in the page and the clock it uses. Tests may swap the clock or lower the floor;
 * pages should not need to touch it.
 */
export const petitionStoreConfig = {
  /** Polling period when no subscriber asks for one. */
  defaultIntervalMs: 30_000,
  /** Shortest polling period a store accepts. */
  minIntervalMs: 5_000,
  /** Longest wait between two polls after repeated errors (the backoff doubles up to it). */
  maxBackoffMs: 5 * 60_000,
  /** Stream errors in a row, after it delivered a message, before the store falls back to polling. */
  streamErrorLimit: 3,
  /**
   * While a page's counters start, petitions joining the endpoint's connection within this time (ms, real
   * time, not the clock below) make one reconnection, not one each.
   */
  streamBatchMs: 100,
  /** Time allowed for one fetch of the petition. */
  timeoutMs: 10_000,
  /** Backoff jitter (core's `retryDelay`: a delay after errors is multiplied by 0.5 + random() / 2). */
  random: Math.random,
  setTimeout: (callback: () => void, ms: number): unknown => setTimeout(callback, ms),
  clearTimeout: (handle: unknown): void => clearTimeout(handle as number),
};

/** A whole number of signatures or countries (0 or more). */
export const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

const isHidden = (): boolean => document.visibilityState === 'hidden';

/** What an `agir-signed` event says: `{ petition, endpoint?, signatureCount?, duplicate? }` on the event (or its `detail`). */
export function signedDetail(event: Event): Record<string, unknown> {
  const signed = event as Event & { detail?: unknown };
  return (('petition' in signed ? signed : signed.detail) ?? {}) as Record<string, unknown>;
}

/** An endpoint as an absolute http(s) URL without a trailing slash; undefined when it is not one. */
export function endpointUrl(endpoint: string): string | undefined {
  try {
    const url = new URL(endpoint, location.href);
    if (/^https?:$/.test(url.protocol)) return url.href.replace(/\/+$/, '');
  } catch {
    // not a URL
  }
  return undefined;
}

/** Reads a petition from an Agir endpoint with one fetch: no retry (the store backs off), no cookies. */
export function petitionReader(endpoint: string): PetitionSource {
  const path = (id: string): string => `${endpoint}/petitions/${encodeURIComponent(id)}`;
  return {
    endpoint,
    streamUrl: (id) => `${path(id)}/stream`,
    streamsUrl: (ids) => `${endpoint}/stream?petitions=${ids.map(encodeURIComponent).join(',')}`,
    async getPetition(id) {
      const url = path(id);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), petitionStoreConfig.timeoutMs);
      let response: Response;
      let read: ReturnType<typeof readPetitionFigures> | undefined;
      try {
        response = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'omit', signal: controller.signal });
        read = response.ok ? readPetitionFigures(await response.json().catch(() => 0)) : undefined;
      } catch {
        throw new Error(
          `could not reach ${url} (network error, or no answer in time). Check the endpoint URL and that the server allows this page's origin (CORS).`,
        );
      } finally {
        clearTimeout(timer);
      }
      if (read?.success) return read.data;
      const issue = read?.error.issues[0];
      const error: PetitionStoreError = new Error(
        issue
          ? `${url} answered with data that does not match the Agir contract (${issue.path.join('.') || 'the petition'}: ${issue.message}).`
          : `${url} answered HTTP ${response.status}. Check the endpoint and the petition id.`,
      );
      error.status = response.status;
      error.retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      throw error;
    },
  };
}

const stores = new Map<string, PetitionStore>();

export class PetitionStore {
  /**
   * The page's store for a petition at an endpoint: a URL (resolved against the page) or a `PetitionSource`
   * such as an `AgirClient` (one store per client object). Throws a `TypeError` when the URL is not an http(s) one.
   */
  static for(endpoint: string | PetitionSource, petition: string): PetitionStore {
    const url = typeof endpoint === 'string' ? endpointUrl(endpoint) : clientKey(endpoint);
    if (!url)
      throw new TypeError(`endpoint "${endpoint}" is not an http(s) URL: set it to the API base, e.g. "https://example.org/api/v1".`);
    const key = `${url} ${petition}`;
    let store = stores.get(key);
    if (!store) {
      store = new PetitionStore(typeof endpoint === 'string' ? petitionReader(url) : endpoint, petition, key, url);
      stores.set(key, store);
    }
    return store;
  }

  readonly endpoint: string;
  readonly petition: string;

  private readonly source: PetitionSource;
  private readonly key: string;
  private readonly listeners = new Map<PetitionListener, SubscribeOptions>();
  private current: PetitionSnapshot = { state: 'idle', figures: undefined, error: undefined, transport: 'none' };
  private started = false;
  private inFlight: Promise<void> | undefined;
  private timer: unknown;
  /** Failed fetches in a row (the backoff exponent). */
  private failures = 0;
  /** The current run of failures was reported in the console. */
  private reported = false;
  /** Following the endpoint's live connection (see `EndpointStream`). */
  private streaming = false;
  /** The endpoint has no usable stream: poll from now on. */
  private noStream = false;

  /** The endpoint's URL, or the client's name (`clientKey`): whose live connection the store joins. */
  private readonly backend: string;

  private constructor(source: PetitionSource, petition: string, key: string, backend: string) {
    this.source = source;
    this.endpoint = source.endpoint;
    this.petition = petition;
    this.key = key;
    this.backend = backend;
  }

  /** The latest state and figures. */
  get snapshot(): PetitionSnapshot {
    return this.current;
  }

  /**
   * Calls `listener` with every new snapshot from now on (read `snapshot` for the current one). The first
   * subscriber starts the store; when the last one leaves, the store stops and the page forgets it.
   */
  subscribe(listener: PetitionListener, options: SubscribeOptions = {}): () => void {
    this.listeners.set(listener, options);
    if (!this.started) this.start();
    return () => {
      this.listeners.delete(listener);
      // An element moved in the page leaves and comes back within the task: keep the store for it.
      setTimeout(() => {
        if (this.listeners.size === 0 && this.started) this.stop();
      });
    };
  }

  /** Fetches the petition now: one request however many callers ask at once. Never rejects. */
  refresh(): Promise<void> {
    return (this.inFlight ??= this.fetchOnce().finally(() => (this.inFlight = undefined)));
  }

  /**
   * Counts a signature made in this page at once: `signatureCount` when the form got it from the server,
   * else one more. The server's figure replaces it at the next fetch or stream event.
   */
  bump(signatureCount?: number): void {
    const figures = this.current.figures;
    if (figures)
      this.set({ figures: { ...figures, signatureCount: isCount(signatureCount) ? signatureCount : figures.signatureCount + 1 } });
  }

  private readonly onVisibility = (): void => {
    if (isHidden()) this.pause();
    else this.update();
  };

  /** `agir-signed` from a petition-form, for this petition (and this endpoint, when the event names one). */
  private readonly onSigned = (event: Event): void => {
    const { petition, endpoint, signatureCount } = signedDetail(event);
    if (petition === this.petition && (!endpoint || endpointUrl(String(endpoint)) === this.endpoint)) this.bump(signatureCount as number);
  };

  private start(): void {
    this.started = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    document.addEventListener('agir-signed', this.onSigned);
    if (!isHidden()) this.update();
  }

  private stop(): void {
    this.started = false;
    this.pause();
    document.removeEventListener('visibilitychange', this.onVisibility);
    document.removeEventListener('agir-signed', this.onSigned);
    stores.delete(this.key);
  }

  /** No timer and no stream: nothing goes out until the next `update()`. */
  private pause(): void {
    petitionStoreConfig.clearTimeout(this.timer);
    this.timer = undefined;
    this.closeStream();
    if (this.current.transport !== 'none') this.set({ transport: 'none' });
  }

  /** Fetches, then follows the stream when there is one and the fetch worked, else schedules the next poll. */
  private async update(): Promise<void> {
    await this.refresh();
    if (!this.started || isHidden()) return;
    if (this.current.state === 'complete' && !this.noStream && this.source.streamUrl && typeof EventSource === 'function')
      this.openStream();
    else if (!this.streaming) this.schedule();
  }

  private schedule(): void {
    const { maxBackoffMs, random, minIntervalMs, defaultIntervalMs } = petitionStoreConfig;
    const asked = [...this.listeners.values()].flatMap((options) => options.intervalMs ?? []);
    let delay = Math.max(minIntervalMs, asked.length ? Math.min(...asked) : defaultIntervalMs);
    if (this.failures > 0) {
      delay = retryDelay(this.failures + 1, delay, maxBackoffMs, random);
      delay = Math.max(delay, Math.min(this.current.error?.retryAfterMs ?? 0, maxBackoffMs));
    }
    petitionStoreConfig.clearTimeout(this.timer);
    this.timer = petitionStoreConfig.setTimeout(() => {
      this.timer = undefined;
      if (this.started && !isHidden()) void this.update();
    }, delay);
    if (this.current.transport !== 'polling') this.set({ transport: 'polling' });
  }

  private async fetchOnce(): Promise<void> {
    if (this.current.state === 'idle') this.set({ state: 'pending' });
    try {
      // A page's own client is held to the contract too: its figures are read as an endpoint's are.
      const read = readPetitionFigures(await this.source.getPetition(this.petition));
      if (!read.success)
        throw new Error(
          `the client's getPetition answered ${read.error.issues.map(({ path, message }) => `${path.join('.')}: ${message}`)}`,
        );
      const { signatureCount, countryCount, goal, status } = read.data;
      this.failures = 0;
      this.reported = false;
      this.set({ state: 'complete', error: undefined, figures: { signatureCount, countryCount, goal, status } });
    } catch (cause) {
      const error = cause as PetitionStoreError;
      this.failures += 1;
      this.authorError(`could not load petition "${this.petition}": ${String(error.message).replace(/^Agir: /, '')}`);
      this.set({ state: 'error', error });
    }
  }

  private openStream(): void {
    if (this.streaming) return;
    this.streaming = true;
    petitionStoreConfig.clearTimeout(this.timer);
    this.timer = undefined;
    this.set({ transport: 'stream' });
    EndpointStream.for(this.source, this.backend).join(this);
  }

  private closeStream(): void {
    if (!this.streaming) return;
    this.streaming = false;
    EndpointStream.for(this.source, this.backend).leave(this);
  }

  /** @internal New counts from the endpoint's stream. */
  streamCounts(data: unknown): void {
    const counts = readCountEvent(data);
    const figures = this.current.figures;
    if (!counts.success) {
      this.authorError(
        `the stream of petition "${this.petition}" sent a "count" event that does not match the Agir contract ({ "signatureCount": n, "countryCount": n }); it was ignored.`,
      );
    } else if (figures) {
      this.set({ state: 'complete', error: undefined, figures: { ...figures, ...counts.data } });
    }
  }

  /** @internal The endpoint's stream is not usable for this petition: poll from now on. */
  streamFailed(): void {
    if (!this.streaming) return;
    this.streaming = false;
    this.noStream = true;
    if (this.started && !isHidden()) this.schedule();
  }

  /** @internal One console error per run of failures, naming the first subscribing element. */
  authorError(message: string): void {
    if (this.reported) return;
    this.reported = true;
    const reporter = [...this.listeners.values()].find((options) => options.reporter)?.reporter;
    if (reporter) authorError(reporter, message);
    else console.error(`Agir: ${message}`);
  }

  private set(change: Partial<PetitionSnapshot>): void {
    this.current = { ...this.current, ...change };
    for (const listener of [...this.listeners.keys()]) listener(this.current);
  }
}

const connections = new Map<string, EndpointStream>();

/**
 * The one live connection of a page to an endpoint, shared by the stores of its petitions: the stream of
 * the petition when one store follows it, the stream of several when more do (reopened, batched, as
 * stores join and leave). Without a stream of several, the stores poll.
 */
class EndpointStream {
  static for(source: PetitionSource, backend: string): EndpointStream {
    let connection = connections.get(backend);
    if (!connection) connections.set(backend, (connection = new EndpointStream(source)));
    return connection;
  }

  private readonly members = new Map<string, PetitionStore>();
  private stream: EventSource | undefined;
  private url: string | undefined;
  private messages = 0;
  private errors = 0;
  /** The endpoint has no stream of several petitions. */
  private noMulti = false;
  private batch: ReturnType<typeof setTimeout> | undefined;

  private constructor(private readonly source: PetitionSource) {}

  join(store: PetitionStore): void {
    this.members.set(store.petition, store);
    // The first petition is followed at once; more reopen the connection once they have all joined.
    if (this.stream) this.later();
    else this.open();
  }

  leave(store: PetitionStore): void {
    if (this.members.get(store.petition) !== store) return;
    this.members.delete(store.petition);
    if (this.members.size > 0) this.later();
    else this.close();
  }

  private later(): void {
    clearTimeout(this.batch);
    this.batch = setTimeout(() => this.open(), petitionStoreConfig.streamBatchMs);
  }

  private open(): void {
    clearTimeout(this.batch);
    this.batch = undefined;
    const ids = [...this.members.keys()].sort();
    if (ids.length === 0) return;
    const url = ids.length === 1 ? this.source.streamUrl?.(ids[0]!) : this.noMulti ? undefined : this.source.streamsUrl?.(ids);
    if (!url) return this.fail();
    if (url === this.url && this.stream) return;
    this.close();
    const stream = new EventSource(url);
    this.stream = stream;
    this.url = url;
    this.messages = this.errors = 0;
    const single = ids.length === 1 ? this.members.get(ids[0]!) : undefined;
    stream.addEventListener('count', (event) => {
      let data: unknown;
      try {
        data = JSON.parse((event as MessageEvent).data);
      } catch {
        // garbage: reported by the store
      }
      const several = single ? undefined : readPetitionCountEvent(data);
      const id = single ? single.petition : several?.success ? several.data.petition : undefined;
      if (single ? readCountEvent(data).success : id) {
        this.messages += 1;
        this.errors = 0;
      }
      if (id)
        this.members.get(id)?.streamCounts(data); // a petition that left meanwhile: ignored
      else
        [...this.members.values()][0]?.authorError(
          `the stream of petitions ${ids.join(', ')} sent a "count" event that does not match the Agir contract ({ "petition": id, "signatureCount": n, "countryCount": n }); it was ignored.`,
        );
    });
    stream.addEventListener('error', () => {
      if (this.stream !== stream) return;
      // Failing before any message (no stream there, e.g. a 404), closed for good, or again and again: poll.
      if (++this.errors >= petitionStoreConfig.streamErrorLimit || !this.messages || stream.readyState === 2) {
        if (!single) this.noMulti = true;
        this.fail();
      }
    });
  }

  /** No usable stream for the members: each one polls. */
  private fail(): void {
    this.close();
    const members = [...this.members.values()];
    this.members.clear();
    for (const store of members) store.streamFailed();
  }

  private close(): void {
    clearTimeout(this.batch);
    this.batch = undefined;
    this.stream?.close();
    this.stream = this.url = undefined;
  }
}
