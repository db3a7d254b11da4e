/**
 * The durable signature queue: a signature goes into storage (with its idempotency key) before it is sent,
 * and stays there until the server has acknowledged it (any 2xx, a duplicate included) or it expires.
 * Network errors, timeouts and 429 are retried on their own until then (the reader may be offline for
 * days); a server error (5xx) that repeats for the same signature is not: after `maxServerErrors` of them
 * the entry is held (outcome `failed`), kept on the device, and sent again only when asked (`retry`, or a
 * forced flush: the next page load, the `online` event), so the page can tell the reader.
 * Storage is pluggable: IndexedDB in browsers (falling back to localStorage), a memory store for tests.
 * DOM-free: the browser adapters only touch `indexedDB` / `localStorage` when they are used.
 */
import { readSignatureRequest } from './read-signature.js';
import type { SignatureRequest } from './schemas/signature.js';
import { ID_PATTERN } from './id.js';
import { AgirError, isTransient } from './errors.js';
import { retryDelay } from './retry.js';

/**
 * A backend's acknowledgement of a signature: whether it had it already, and its new count when it says
 * (the contract's backends do; an Action Network or a webhook adapter cannot).
 */
export interface Acknowledgement {
  readonly signatureCount?: number | undefined;
  readonly duplicate: boolean;
}

/** One signature waiting to be acknowledged. `id` is the request's idempotency key. */
export interface QueueEntry {
  readonly id: string;
  /**
   * The id of the client that sends it (`AgirClient.id`: `agir:<endpoint>` for the contract's client,
   * `actionnetwork:<url>`, `webhook:<url>`, or a custom client's own), so it goes back to the same backend
   * after a reload, whatever its URL.
   */
  readonly client: string;
  readonly petition: string;
  /** The request exactly as it will be sent (same idempotency key on every attempt). */
  readonly request: SignatureRequest;
  /** When it was queued (ms since the epoch). */
  readonly createdAt: number;
  /** How many sending attempts failed so far. */
  readonly attempts: number;
  /** Not sent before this time (ms since the epoch): the backoff, or the lease of the page that is sending it. */
  readonly nextAttemptAt: number;
  /** How many attempts the server answered with a 5xx (absent: none). */
  readonly serverErrors?: number;
}

/** Where entries live. Every method may reject (quota, private mode…); the queue copes. */
export interface QueueStorage {
  list(): Promise<QueueEntry[]>;
  put(entry: QueueEntry): Promise<void>;
  delete(id: string): Promise<void>;
}

/** What happened to an entry in a `send` or a `flush`. */
export type QueueOutcome =
  | { readonly status: 'sent'; readonly entry: QueueEntry; readonly response: Acknowledgement }
  | { readonly status: 'retry'; readonly entry: QueueEntry; readonly error: unknown }
  | { readonly status: 'rejected'; readonly entry: QueueEntry; readonly error: unknown }
  /** The server failed the entry `maxServerErrors` times (5xx): held on the device, sent again only when asked. */
  | { readonly status: 'failed'; readonly entry: QueueEntry; readonly error: unknown }
  | { readonly status: 'expired'; readonly entry: QueueEntry };

/** Runs `task` while holding the queue's lock (one flush at a time). */
export type QueueLock = <T>(task: () => Promise<T>) => Promise<T>;

export interface SignatureQueueOptions {
  storage: QueueStorage;
  /** Sends one entry; resolves with the server's answer, or throws (an `AgirError` for HTTP/network failures). */
  send(entry: QueueEntry): Promise<Acknowledgement>;
  /** Called with every outcome, whoever caused it (a submit, a timer, the `online` event…). */
  onOutcome?(outcome: QueueOutcome): void;
  /** First retry delay in ms (default 2 000); doubles with each failed attempt, with jitter. */
  baseDelayMs?: number;
  /** Longest delay between attempts, in ms (default 5 minutes). A `Retry-After` above it is capped to it. */
  maxDelayMs?: number;
  /** An unsent entry is dropped this long after it was queued, in ms (default 30 days). */
  expiryMs?: number;
  /** How long a freshly added entry is left to the page sending it before others may, in ms (default 60 000). */
  leaseMs?: number;
  /**
   * Server errors (5xx) of one entry after which it is held instead of retried on its own (default 4: the
   * first attempt and three retries, about 14 s with the default delays). A held entry that the server
   * fails again when asked is held again at once.
   */
  maxServerErrors?: number;
  /**
   * Whether an entry can be sent in this page now (default: all): entries of a client the page has not
   * set up yet (a custom client registered later) are left alone by flushes, neither sent nor counted.
   */
  ready?(entry: QueueEntry): boolean;
  /** Mutual exclusion for flushes; default: Web Locks (`navigator.locks`) where present, else an in-page lock. */
  lock?: QueueLock;
  now?: () => number;
  random?: () => number;
}

export const DAY_MS = 86_400_000;
/** Server errors (5xx) of one signature after which the queue stops retrying it on its own. */
export const DEFAULT_MAX_SERVER_ERRORS = 4;
/** Days an unsent signature is kept on the device before it is dropped. */
export const DEFAULT_EXPIRY_DAYS = 30;
const LOCK_NAME = 'agir-signature-queue';

const isNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);

/** True for entries read back from storage that the queue can send (anything else is dropped). */
export function isQueueEntry(value: unknown): value is QueueEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<keyof QueueEntry, unknown>;
  return (
    typeof entry.id === 'string' &&
    typeof entry.client === 'string' &&
    typeof entry.petition === 'string' &&
    ID_PATTERN.test(entry.petition) &&
    isNumber(entry.createdAt) &&
    isNumber(entry.attempts) &&
    isNumber(entry.nextAttemptAt) &&
    readSignatureRequest(entry.request).success &&
    entry.id === (entry.request as SignatureRequest).idempotencyKey
  );
}

/** An entry stored before queues keyed on the client's id (it held the endpoint's URL) goes to that endpoint's contract client. */
function upgrade(value: unknown): unknown {
  const old = value as { endpoint?: unknown; client?: unknown } | null;
  if (typeof old !== 'object' || old === null || old.client !== undefined || typeof old.endpoint !== 'string') return value;
  const { endpoint, ...rest } = old;
  return { ...rest, client: `agir:${endpoint}` };
}

/**
 * Whether a failed attempt is worth repeating: network errors, timeouts, 408, 429, 5xx, an answer that
 * was not the contract's (e.g. a captive portal's page), and anything that is not an `AgirError`.
 * 4xx answers (validation, closed petition, too large) are final.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof AgirError)) return true;
  return isTransient(error) || error.kind === 'schema' || error.kind === 'aborted';
}

/** True for an answer of a server that failed (HTTP 5xx). */
export function isServerError(error: unknown): boolean {
  return error instanceof AgirError && error.kind === 'http' && error.status !== undefined && error.status >= 500;
}

const pageLocks = new Map<string, Promise<unknown>>();

/** A lock shared by every queue in this page (not across tabs). */
export function pageLock(name = LOCK_NAME): QueueLock {
  return (task) => {
    const run = (pageLocks.get(name) ?? Promise.resolve()).then(task, task);
    pageLocks.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  };
}

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** The Web Locks API (one holder across every tab of the origin) where present, else `pageLock`. */
export function defaultLock(name = LOCK_NAME): QueueLock {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  return locks ? (task) => locks.request(name, task) : pageLock(name);
}

export interface SignatureQueue {
  /** Stores a signature for a client id (leased to the caller, who should `send` it now). Never rejects on storage failure. */
  add(client: string, petition: string, request: SignatureRequest): Promise<QueueEntry>;
  /** Sends one entry now, whatever its schedule (the first attempt of a submit). */
  send(entry: QueueEntry): Promise<QueueOutcome>;
  /**
   * Sends every due entry (of one client id, or all), one flush at a time; drops every expired one (of any
   * client). `force`
   * also sends entries still in their backoff (the page came back online, or just loaded), but never one
   * its page is sending right now.
   */
  flush(client?: string, force?: boolean): Promise<QueueOutcome[]>;
  /**
   * Sends one stored entry now (the reader asked to try again), held or waiting; undefined when it is no
   * longer stored (sent or dropped meanwhile, e.g. by another tab).
   */
  retry(id: string): Promise<QueueOutcome | undefined>;
  /** Entries still waiting (of one client id, or all), oldest first. */
  entries(client?: string): Promise<QueueEntry[]>;
}

/** Creates a queue over a storage. Acknowledged entries are deleted at once; unsent ones expire. */
export function createSignatureQueue(options: SignatureQueueOptions): SignatureQueue {
  const { storage, send, onOutcome } = options;
  const baseDelayMs = options.baseDelayMs ?? 2_000;
  const maxDelayMs = options.maxDelayMs ?? 5 * 60_000;
  const expiryMs = options.expiryMs ?? DEFAULT_EXPIRY_DAYS * DAY_MS;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxServerErrors = options.maxServerErrors ?? DEFAULT_MAX_SERVER_ERRORS;
  const lock = options.lock ?? defaultLock();
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;

  const quietly = async (work: () => Promise<unknown>): Promise<void> => {
    try {
      await work();
    } catch {
      // Storage failing must never lose the attempt itself; the outcome still reaches the caller.
    }
  };

  const report = (outcome: QueueOutcome): QueueOutcome => {
    onOutcome?.(outcome);
    return outcome;
  };

  async function entries(client?: string): Promise<QueueEntry[]> {
    let stored: unknown[];
    try {
      stored = await storage.list();
    } catch {
      return [];
    }
    const valid: QueueEntry[] = [];
    for (const raw of stored) {
      const entry = upgrade(raw);
      if (isQueueEntry(entry)) {
        if (client === undefined || entry.client === client) valid.push(entry);
      } else {
        const id = (entry as { id?: unknown } | null)?.id;
        if (typeof id === 'string') await quietly(() => storage.delete(id));
      }
    }
    return valid.sort((a, b) => a.createdAt - b.createdAt);
  }

  async function attempt(entry: QueueEntry): Promise<QueueOutcome> {
    try {
      const response = await send(entry);
      await quietly(() => storage.delete(entry.id));
      return report({ status: 'sent', entry, response });
    } catch (error) {
      if (!isRetryable(error)) {
        await quietly(() => storage.delete(entry.id));
        return report({ status: 'rejected', entry, error });
      }
      const attempts = entry.attempts + 1;
      const serverErrors = (entry.serverErrors ?? 0) + (isServerError(error) ? 1 : 0);
      if (isServerError(error) && serverErrors >= maxServerErrors) {
        // Held: kept until it expires, sent again only when asked (no timer picks it up before then).
        const held: QueueEntry = { ...entry, attempts, serverErrors, nextAttemptAt: entry.createdAt + expiryMs };
        await quietly(() => storage.put(held));
        return report({ status: 'failed', entry: held, error });
      }
      const retryAfter = error instanceof AgirError ? (error.retryAfterMs ?? 0) : 0;
      const delay = Math.min(maxDelayMs, Math.max(retryDelay(attempts, baseDelayMs, maxDelayMs, random), retryAfter));
      const next: QueueEntry = { ...entry, attempts, nextAttemptAt: now() + delay, ...(serverErrors ? { serverErrors } : {}) };
      await quietly(() => storage.put(next));
      return report({ status: 'retry', entry: next, error });
    }
  }

  return {
    entries,
    async add(client, petition, request) {
      const createdAt = now();
      const entry: QueueEntry = {
        id: request.idempotencyKey,
        client,
        petition,
        request,
        createdAt,
        attempts: 0,
        nextAttemptAt: createdAt + leaseMs,
      };
      await quietly(() => storage.put(entry));
      return entry;
    },
    send: attempt,
    async retry(id) {
      const entry = (await entries()).find((stored) => stored.id === id);
      return entry && attempt(entry);
    },
    flush(client, force = false) {
      return lock(async () => {
        const outcomes: QueueOutcome[] = [];
        // Every flush drops every expired entry, whatever client it was asked for and whether its client is
        // set up in this page: nothing else on the device would ever erase a reader's name and address.
        for (const entry of await entries()) {
          const time = now();
          if (time - entry.createdAt > expiryMs) {
            await quietly(() => storage.delete(entry.id));
            outcomes.push(report({ status: 'expired', entry }));
          } else if ((client !== undefined && entry.client !== client) || (options.ready && !options.ready(entry))) {
            continue;
          } else if (entry.nextAttemptAt <= time || (force && entry.attempts > 0)) {
            outcomes.push(await attempt(entry));
          }
        }
        return outcomes;
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Storage adapters

/** Entries in memory only (tests; the last resort when a browser offers no storage). */
export function memoryStorage(): QueueStorage {
  const map = new Map<string, QueueEntry>();
  return {
    list: async () => [...map.values()],
    put: async (entry) => void map.set(entry.id, entry),
    delete: async (id) => void map.delete(id),
  };
}

/** The members of `localStorage` the adapter uses. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Entries as one JSON object under `key` of a Web Storage (`localStorage`), for browsers without IndexedDB. */
export function webStorage(store: KeyValueStore | (() => KeyValueStore), key = 'agir:signature-queue'): QueueStorage {
  const get = (): KeyValueStore => (typeof store === 'function' ? store() : store);
  const read = (): Record<string, QueueEntry> => {
    try {
      const value: unknown = JSON.parse(get().getItem(key) ?? '{}');
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, QueueEntry>) : {};
    } catch (error) {
      if (error instanceof SyntaxError) return {};
      throw error;
    }
  };
  const write = (all: Record<string, QueueEntry>): void => {
    if (Object.keys(all).length === 0) get().removeItem(key);
    else get().setItem(key, JSON.stringify(all));
  };
  return {
    list: async () => Object.values(read()),
    put: async (entry) => write({ ...read(), [entry.id]: entry }),
    delete: async (id) => {
      const all = read();
      if (!(id in all)) return;
      delete all[id];
      write(all);
    },
  };
}

/** Entries in an IndexedDB object store (`agir` / `signature-queue`, keyed by id). */
export function indexedDbStorage(options: { factory?: IDBFactory; name?: string; store?: string } = {}): QueueStorage {
  const name = options.name ?? 'agir';
  const storeName = options.store ?? 'signature-queue';
  let database: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> =>
    (database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const factory = options.factory ?? globalThis.indexedDB;
      if (!factory) throw new Error('IndexedDB is not available');
      const request = factory.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(storeName, { keyPath: 'id' });
      request.onsuccess = () => {
        const db = request.result;
        // Another tab upgrading the database: step aside, reopen on next use.
        db.onversionchange = () => {
          db.close();
          database = undefined;
        };
        resolve(db);
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('IndexedDB open blocked'));
    }).catch((error: unknown) => {
      database = undefined;
      throw error;
    }));
  const run = async <T>(mode: IDBTransactionMode, operation: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(storeName, mode);
      const request = operation(transaction.objectStore(storeName));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = transaction.onabort = () => reject(transaction.error ?? request.error);
    });
  };
  return {
    list: () => run('readonly', (store) => store.getAll() as IDBRequest<QueueEntry[]>),
    put: async (entry) => void (await run('readwrite', (store) => store.put(entry))),
    delete: async (id) => void (await run('readwrite', (store) => store.delete(id))),
  };
}

/**
 * Writes to `primary`, and to `secondary` when `primary` fails; lists and deletes on both, so entries a
 * fallback kept in an earlier visit are still found.
 */
export function fallbackStorage(primary: QueueStorage, secondary: QueueStorage): QueueStorage {
  return {
    async list() {
      const [first, second] = await Promise.allSettled([primary.list(), secondary.list()]);
      if (first.status === 'rejected' && second.status === 'rejected') throw first.reason;
      const byId = new Map<string, QueueEntry>();
      for (const result of [second, first]) {
        if (result.status === 'fulfilled') for (const entry of result.value) byId.set((entry as QueueEntry).id, entry);
      }
      return [...byId.values()];
    },
    async put(entry) {
      try {
        await primary.put(entry);
      } catch {
        await secondary.put(entry);
      }
    },
    async delete(id) {
      const results = await Promise.allSettled([primary.delete(id), secondary.delete(id)]);
      if (results.every((result) => result.status === 'rejected')) throw (results[0] as PromiseRejectedResult).reason;
    },
  };
}

/** The storage a browser page should use: IndexedDB, else localStorage, else memory. */
export function browserStorage(): QueueStorage {
  const local = (): KeyValueStore => {
    const store = (globalThis as { localStorage?: KeyValueStore }).localStorage;
    if (!store) throw new Error('localStorage is not available');
    return store;
  };
  const fallback = fallbackStorage(webStorage(local), memoryStorage());
  return (globalThis as { indexedDB?: IDBFactory }).indexedDB ? fallbackStorage(indexedDbStorage(), fallback) : fallback;
}
