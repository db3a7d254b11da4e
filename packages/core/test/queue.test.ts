import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  browserStorage,
  createSignatureQueue,
  DAY_MS,
  defaultLock,
  fallbackStorage,
  indexedDbStorage,
  isQueueEntry,
  isRetryable,
  isServerError,
  memoryStorage,
  pageLock,
  webStorage,
  type KeyValueStore,
  type QueueEntry,
  type QueueOutcome,
  type QueueStorage,
  type SignatureQueueOptions,
} from '../src/queue.js';
import { AgirError } from '../src/errors.js';
import { retryDelay } from '../src/retry.js';
import type { SignatureRequest, SignatureResponse } from '../src/contract.js';

const endpoint = 'https://api.example.org/agir/v1';
let keySeed = 0;
const key = (): string => `3f2b8c1e-9a4d-4c2b-8f1e-${String(++keySeed).padStart(12, '0')}`;
const request = (idempotencyKey = key()): SignatureRequest => ({
  idempotencyKey,
  person: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', country: 'GB' },
  consents: [{ id: 'newsletter', granted: false, text: 'Keep me informed', version: '2026-11' }],
  locale: 'en',
  source: { url: 'https://campaign.example/xinjiang' },
  client: { startedAt: '2026-11-01T10:00:00.000Z', submittedAt: '2026-11-01T10:00:42.000Z', trap: '' },
});
const ok = (signatureCount = 10, duplicate = false): SignatureResponse => ({ signatureCount, duplicate });
const networkError = () => new AgirError('network', 'offline');
const httpError = (status: number, extra: { retryAfterMs?: number; fields?: Record<string, string> } = {}) =>
  new AgirError('http', `HTTP ${status}`, { status, ...extra });

/** A queue over a memory storage with a manual clock and a scripted `send`. */
function harness(script: Array<SignatureResponse | Error> = [], options: Partial<SignatureQueueOptions> = {}) {
  let time = 1_000_000;
  const storage = options.storage ?? memoryStorage();
  const sent: Array<{ id: string; body: SignatureRequest }> = [];
  const outcomes: QueueOutcome[] = [];
  const queue = createSignatureQueue({
    storage,
    send: async (entry) => {
      sent.push({ id: entry.id, body: entry.request });
      const next = script.shift();
      if (!next) throw new Error('no scripted answer left');
      if (next instanceof Error) throw next;
      return next;
    },
    onOutcome: (outcome) => outcomes.push(outcome),
    now: () => time,
    random: () => 0.5,
    lock: pageLock('test'),
    ...options,
  });
  return {
    queue,
    storage,
    sent,
    outcomes,
    advance: (ms: number) => {
      time += ms;
    },
    get now() {
      return time;
    },
  };
}

describe('queue: retry policy', () => {
  test('retryDelay doubles from the base, is capped, and jitters in [0.5, 1)', () => {
    assert.equal(
      retryDelay(1, 1000, 60_000, () => 0),
      500,
    );
    assert.equal(
      retryDelay(1, 1000, 60_000, () => 0.999999),
      1000,
    );
    assert.equal(
      retryDelay(2, 1000, 60_000, () => 0),
      1000,
    );
    assert.equal(
      retryDelay(3, 1000, 60_000, () => 0),
      2000,
    );
    assert.equal(
      retryDelay(20, 1000, 60_000, () => 0),
      30_000,
    );
    assert.equal(
      retryDelay(0, 1000, 60_000, () => 0),
      500,
    );
    const sample = retryDelay(2, 1000, 60_000);
    assert.ok(sample >= 1000 && sample <= 2000);
  });

  test('isRetryable: network, timeout, 5xx, 429, 408, schema and unknown errors are; 4xx and config are not', () => {
    assert.equal(isRetryable(networkError()), true);
    assert.equal(isRetryable(new AgirError('timeout', 't')), true);
    assert.equal(isRetryable(httpError(500)), true);
    assert.equal(isRetryable(httpError(503)), true);
    assert.equal(isRetryable(httpError(429)), true);
    assert.equal(isRetryable(httpError(408)), true);
    assert.equal(isRetryable(new AgirError('schema', 'not json', { status: 200 })), true);
    assert.equal(isRetryable(new AgirError('aborted', 'left')), true);
    assert.equal(isRetryable(new TypeError('Failed to fetch')), true);
    assert.equal(isRetryable(httpError(422)), false);
    assert.equal(isRetryable(httpError(409)), false);
    assert.equal(isRetryable(httpError(413)), false);
    assert.equal(isRetryable(new AgirError('config', 'bad endpoint')), false);
  });
});

describe('queue: add, send, flush', () => {
  test('add stores the entry leased to its page; a successful send deletes it at once', async () => {
    const h = harness([ok(42)]);
    const entry = await h.queue.add(endpoint, 'xinjiang', request());
    assert.equal(entry.id, entry.request.idempotencyKey);
    assert.equal(entry.attempts, 0);
    assert.equal(entry.createdAt, h.now);
    assert.equal(entry.nextAttemptAt, h.now + 60_000);
    assert.deepEqual(await h.queue.entries(), [entry]);
    // A flush leaves a leased entry to the page that is sending it.
    assert.deepEqual(await h.queue.flush(), []);
    const outcome = await h.queue.send(entry);
    assert.equal(outcome.status, 'sent');
    assert.deepEqual(outcome.status === 'sent' && outcome.response, ok(42));
    assert.deepEqual(await h.queue.entries(), []);
    assert.deepEqual(h.outcomes, [outcome]);
  });

  test('a transient failure keeps the entry with a backoff; a flush once due resends the same key', async () => {
    const h = harness([httpError(500), ok(7)], { baseDelayMs: 1000 });
    const entry = await h.queue.add(endpoint, 'xinjiang', request());
    const first = await h.queue.send(entry);
    assert.equal(first.status, 'retry');
    const [stored] = await h.queue.entries();
    assert.equal(stored!.attempts, 1);
    assert.equal(stored!.nextAttemptAt, h.now + 750);
    h.advance(749);
    assert.deepEqual(await h.queue.flush(), [], 'not due yet');
    h.advance(1);
    const outcomes = await h.queue.flush();
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['sent'],
    );
    assert.equal(h.sent.length, 2);
    assert.equal(h.sent[0]!.body.idempotencyKey, h.sent[1]!.body.idempotencyKey);
    assert.deepEqual(await h.queue.entries(), []);
  });

  test('a forced flush (back online, page load) skips the backoff but never a leased entry', async () => {
    const h = harness([networkError(), ok(8)], { baseDelayMs: 60_000 });
    const failed = await h.queue.add(endpoint, 'xinjiang', request());
    await h.queue.send(failed);
    const leased = await h.queue.add(endpoint, 'xinjiang', request());
    assert.deepEqual(await h.queue.flush(endpoint), [], 'nothing due yet');
    const outcomes = await h.queue.flush(endpoint, true);
    assert.deepEqual(
      outcomes.map((o) => [o.status, o.entry.id]),
      [['sent', failed.id]],
    );
    assert.deepEqual(
      (await h.queue.entries()).map((e) => e.id),
      [leased.id],
    );
  });

  test('Retry-After wins over a shorter backoff, capped at maxDelayMs', async () => {
    const h = harness([httpError(429, { retryAfterMs: 20_000 }), httpError(429, { retryAfterMs: 10 * 60_000 })], {
      baseDelayMs: 1000,
      maxDelayMs: 60_000,
    });
    const entry = await h.queue.add(endpoint, 'xinjiang', request());
    const first = await h.queue.send(entry);
    assert.equal(first.entry.nextAttemptAt, h.now + 20_000);
    const second = await h.queue.send(first.entry);
    assert.equal(second.entry.attempts, 2);
    assert.equal(second.entry.nextAttemptAt, h.now + 60_000);
  });

  test('a 5xx that repeats is not retried on its own: after 4 server errors (default) the entry is held and reported failed, and kept', async () => {
    // Network errors and 429 (the reader offline, a rate limit) do not count: only the server failing.
    const h = harness([httpError(500), networkError(), httpError(429), httpError(502), httpError(503), httpError(500)], {
      baseDelayMs: 1000,
    });
    const entry = await h.queue.add(endpoint, 'xinjiang', request());
    let outcome = await h.queue.send(entry);
    const statuses = [outcome.status];
    while (outcome.status === 'retry') {
      h.advance(outcome.entry.nextAttemptAt - h.now);
      [outcome] = (await h.queue.flush()) as [QueueOutcome];
      statuses.push(outcome.status);
    }
    assert.deepEqual(statuses, ['retry', 'retry', 'retry', 'retry', 'retry', 'failed']);
    assert.equal(outcome.status === 'failed' && (outcome.error as AgirError).status, 500);
    const [held] = await h.queue.entries();
    assert.equal(held!.id, entry.id, 'the signature stays on the device');
    assert.equal(held!.serverErrors, 4);
    assert.equal(held!.attempts, 6);
    assert.equal(held!.nextAttemptAt, entry.createdAt + 30 * DAY_MS, 'no timer sends it before it expires');
    h.advance(29 * DAY_MS);
    assert.deepEqual(await h.queue.flush(), [], 'a due flush leaves it alone');
    assert.equal(h.sent.length, 6);
    assert.deepEqual(
      h.outcomes.map((o) => o.status),
      statuses,
    );
    assert.equal(isServerError(httpError(500)), true);
    assert.equal(isServerError(httpError(429)), false);
    assert.equal(isServerError(networkError()), false);
  });

  test('retry(id) sends a held entry at once: sent when the server is back; held again at the next 5xx; undefined when gone', async () => {
    const h = harness([httpError(500), httpError(500), httpError(500), ok(12)], { maxServerErrors: 2, baseDelayMs: 1000 });
    const entry = await h.queue.add(endpoint, 'xinjiang', request());
    assert.equal((await h.queue.send(entry)).status, 'retry');
    h.advance(60_000);
    assert.deepEqual(
      (await h.queue.flush()).map((o) => o.status),
      ['failed'],
    );
    const again = await h.queue.retry(entry.id);
    assert.equal(again?.status, 'failed', 'still failing: held again at once, not retried silently');
    assert.equal(again?.entry.serverErrors, 3);
    const sent = await h.queue.retry(entry.id);
    assert.equal(sent?.status, 'sent');
    assert.deepEqual(sent?.status === 'sent' && sent.response, ok(12));
    assert.deepEqual(await h.queue.entries(), []);
    assert.equal(await h.queue.retry(entry.id), undefined);
    assert.equal(new Set(h.sent.map((s) => s.body.idempotencyKey)).size, 1, 'the same idempotency key every time');
  });

  test('a forced flush (the next page load, back online) sends a held entry once more', async () => {
    const h = harness([httpError(500), ok(3)], { maxServerErrors: 1 });
    const entry = await h.queue.add(endpoint, 'xinjiang', request());
    assert.equal((await h.queue.send(entry)).status, 'failed');
    assert.deepEqual(
      (await h.queue.flush(endpoint, true)).map((o) => o.status),
      ['sent'],
    );
  });

  test('a 4xx (e.g. 422) is rejected and deleted: nothing stays queued', async () => {
    const error = httpError(422, { fields: { 'person.email': 'invalid' } });
    const h = harness([error]);
    const entry = await h.queue.add(endpoint, 'xinjiang', request());
    const outcome = await h.queue.send(entry);
    assert.equal(outcome.status, 'rejected');
    assert.equal(outcome.status === 'rejected' && outcome.error, error);
    assert.deepEqual(await h.queue.entries(), []);
  });

  test('flush sends due entries of one endpoint, oldest first, and leaves other endpoints alone', async () => {
    const h = harness([ok(1), ok(2)], { leaseMs: 0 });
    const a = await h.queue.add(endpoint, 'xinjiang', request());
    h.advance(10);
    const other = await h.queue.add('https://other.example/api', 'xinjiang', request());
    h.advance(10);
    const b = await h.queue.add(endpoint, 'akber', request());
    const outcomes = await h.queue.flush(endpoint);
    assert.deepEqual(
      outcomes.map((o) => [o.status, o.entry.id]),
      [
        ['sent', a.id],
        ['sent', b.id],
      ],
    );
    assert.deepEqual(
      (await h.queue.entries()).map((e) => e.id),
      [other.id],
    );
    assert.deepEqual(
      (await h.queue.entries('https://other.example/api')).map((e) => e.id),
      [other.id],
    );
  });

  test('unsent entries expire after expiryMs (default 30 days) without being sent', async () => {
    const h = harness([]);
    const entry = await h.queue.add(endpoint, 'xinjiang', request());
    h.advance(30 * DAY_MS + 1);
    const outcomes = await h.queue.flush();
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['expired'],
    );
    assert.equal(outcomes[0]!.entry.id, entry.id);
    assert.equal(h.sent.length, 0);
    assert.deepEqual(await h.queue.entries(), []);
  });

  test('any flush drops every expired entry: of other clients, and of clients this page has not set up', async () => {
    const h = harness([], { ready: (entry) => entry.client !== 'crm:https://crm.example.org' });
    const other = await h.queue.add('agir:https://other.example/api', 'xinjiang', request());
    const crm = await h.queue.add('crm:https://crm.example.org', 'xinjiang', request());
    h.advance(30 * DAY_MS + 1);
    const fresh = await h.queue.add('agir:https://other.example/api', 'xinjiang', request());
    // Asked for this page's own client only, with nothing of its own to send.
    const outcomes = await h.queue.flush(endpoint, true);
    assert.deepEqual(
      outcomes.map((o) => [o.status, o.entry.id]),
      [
        ['expired', other.id],
        ['expired', crm.id],
      ],
    );
    assert.equal(h.sent.length, 0);
    assert.deepEqual(
      (await h.queue.entries()).map((e) => e.id),
      [fresh.id],
    );
  });

  test('a custom expiry applies', async () => {
    const h = harness([ok()], { expiryMs: 1000, leaseMs: 0 });
    await h.queue.add(endpoint, 'xinjiang', request());
    h.advance(999);
    assert.deepEqual(
      (await h.queue.flush()).map((o) => o.status),
      ['sent'],
    );
  });

  test('entries read back from storage are validated: corrupt ones are dropped', async () => {
    const storage = memoryStorage();
    const h = harness([], { storage });
    const good = await h.queue.add(endpoint, 'xinjiang', request());
    await storage.put({ id: 'broken', endpoint, petition: 'xinjiang' } as unknown as QueueEntry);
    await storage.put({ ...good, id: key() });
    await storage.put({ ...good, id: 'no-id-match' });
    assert.deepEqual(
      (await h.queue.entries()).map((e) => e.id),
      [good.id],
    );
    assert.equal((await storage.list()).length, 1, 'invalid entries are deleted');
    assert.equal(isQueueEntry(good), true);
    assert.equal(isQueueEntry(null), false);
  });

  test('storage failures never lose the attempt: add resolves, send still reports, entries() is empty', async () => {
    const broken: QueueStorage = {
      list: async () => {
        throw new Error('quota');
      },
      put: async () => {
        throw new Error('quota');
      },
      delete: async () => {
        throw new Error('quota');
      },
    };
    const h = harness([ok(3), networkError()], { storage: broken });
    const entry = await h.queue.add(endpoint, 'xinjiang', request());
    assert.equal((await h.queue.send(entry)).status, 'sent');
    assert.equal((await h.queue.send(entry)).status, 'retry');
    assert.deepEqual(await h.queue.entries(), []);
    assert.deepEqual(await h.queue.flush(), []);
  });

  test('only one flush runs at a time: two concurrent flushes send an entry once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sent: string[] = [];
    const storage = memoryStorage();
    const queue = createSignatureQueue({
      storage,
      leaseMs: 0,
      lock: pageLock('concurrency'),
      send: async (entry) => {
        sent.push(entry.id);
        await gate;
        return ok();
      },
    });
    await queue.add(endpoint, 'xinjiang', request());
    const first = queue.flush();
    const second = queue.flush();
    await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    const [a, b] = await Promise.all([first, second]);
    assert.equal(sent.length, 1);
    assert.equal(a.length + b.length, 1);
  });

  test('a failing flush task does not block the lock', async () => {
    const lock = pageLock('failing');
    await assert.rejects(
      lock(async () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await lock(async () => 'next'), 'next');
  });

  test('defaultLock uses navigator.locks (Web Locks) when present, else the page lock', async () => {
    const names: string[] = [];
    const previous = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', {
      configurable: true,
      value: {
        locks: {
          request: async <T>(name: string, task: () => Promise<T>) => {
            names.push(name);
            return task();
          },
        },
      },
    });
    try {
      assert.equal(await defaultLock()(async () => 1), 1);
      assert.deepEqual(names, ['agir-signature-queue']);
    } finally {
      if (previous) Object.defineProperty(globalThis, 'navigator', previous);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
    assert.equal(await defaultLock('x')(async () => 2), 2);
    const queue = createSignatureQueue({ storage: memoryStorage(), send: async () => ok() });
    assert.deepEqual(await queue.flush(), []);
  });
});

// ---------------------------------------------------------------------------------------------

function fakeLocalStorage(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

async function exerciseStorage(storage: QueueStorage): Promise<void> {
  const h = harness([], { storage });
  const a = await h.queue.add(endpoint, 'xinjiang', request());
  const b = await h.queue.add(endpoint, 'akber', request());
  assert.deepEqual((await storage.list()).map((e) => e.id).sort(), [a.id, b.id].sort());
  await storage.put({ ...a, attempts: 3 });
  assert.equal((await storage.list()).find((e) => e.id === a.id)!.attempts, 3);
  await storage.delete(a.id);
  await storage.delete('missing');
  assert.deepEqual(
    (await storage.list()).map((e) => e.id),
    [b.id],
  );
}

describe('queue: storage adapters', () => {
  test('memoryStorage', async () => {
    await exerciseStorage(memoryStorage());
  });

  test('webStorage keeps one JSON object under its key and removes the key when empty', async () => {
    const local = fakeLocalStorage();
    const storage = webStorage(local);
    await exerciseStorage(storage);
    assert.ok(local.data.has('agir:signature-queue'));
    for (const entry of await storage.list()) await storage.delete(entry.id);
    assert.equal(local.data.has('agir:signature-queue'), false);
  });

  test('webStorage ignores corrupt or foreign values, and surfaces real storage errors', async () => {
    assert.deepEqual(await webStorage(fakeLocalStorage({ q: '{not json' }), 'q').list(), []);
    assert.deepEqual(await webStorage(fakeLocalStorage({ q: '[1,2]' }), 'q').list(), []);
    assert.deepEqual(await webStorage(fakeLocalStorage({ q: 'null' }), 'q').list(), []);
    const denied = webStorage(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    await assert.rejects(denied.list(), /denied/);
  });

  test('indexedDbStorage over an IndexedDB implementation', async () => {
    const idb = fakeIndexedDb();
    const storage = indexedDbStorage({ factory: idb.factory, name: 'agir-test' });
    await exerciseStorage(storage);
    assert.equal(idb.opens, 1, 'the database is opened once');
    idb.versionChange();
    await storage.list();
    assert.equal(idb.opens, 2, 'reopened after another tab asked for a version change');
  });

  test('indexedDbStorage rejects when the database cannot open, is blocked, or a transaction fails; then retries opening', async () => {
    const idb = fakeIndexedDb();
    idb.mode = 'error';
    const storage = indexedDbStorage({ factory: idb.factory });
    await assert.rejects(storage.list(), /open failed/);
    idb.mode = 'blocked';
    await assert.rejects(storage.list(), /blocked/);
    idb.mode = 'ok';
    assert.deepEqual(await storage.list(), []);
    idb.failTransactions = true;
    await assert.rejects(storage.put({} as QueueEntry), /transaction failed/);
    await assert.rejects(indexedDbStorage({ factory: undefined as unknown as IDBFactory }).list(), /not available/);
  });

  test('fallbackStorage writes to the secondary when the primary fails, and lists and deletes on both', async () => {
    const primary = memoryStorage();
    const secondary = memoryStorage();
    const storage = fallbackStorage(primary, secondary);
    const h = harness([], { storage });
    const a = await h.queue.add(endpoint, 'xinjiang', request());
    assert.equal((await primary.list()).length, 1);
    const failing: QueueStorage = { ...primary, put: async () => Promise.reject(new Error('full')) };
    const b = await createSignatureQueue({ storage: fallbackStorage(failing, secondary), send: async () => ok() }).add(
      endpoint,
      'xinjiang',
      request(),
    );
    assert.deepEqual(
      (await secondary.list()).map((e) => e.id),
      [b.id],
    );
    assert.deepEqual((await storage.list()).map((e) => e.id).sort(), [a.id, b.id].sort());
    await storage.delete(b.id);
    assert.deepEqual(
      (await storage.list()).map((e) => e.id),
      [a.id],
    );
  });

  test('fallbackStorage fails only when both sides fail', async () => {
    const broken: QueueStorage = {
      list: () => Promise.reject(new Error('first')),
      put: () => Promise.reject(new Error('first')),
      delete: () => Promise.reject(new Error('first')),
    };
    const working = memoryStorage();
    assert.deepEqual(await fallbackStorage(broken, working).list(), []);
    await fallbackStorage(broken, working).delete('x');
    const both = fallbackStorage(broken, { ...broken });
    await assert.rejects(both.list(), /first/);
    await assert.rejects(both.delete('x'), /first/);
    await assert.rejects(both.put({} as QueueEntry), /first/);
  });

  test('browserStorage: localStorage when there is no IndexedDB, memory when there is neither', async () => {
    await exerciseStorage(browserStorage());
    const local = fakeLocalStorage();
    (globalThis as { localStorage?: KeyValueStore }).localStorage = local;
    try {
      const storage = browserStorage();
      await exerciseStorage(storage);
      assert.ok(local.data.has('agir:signature-queue'));
    } finally {
      delete (globalThis as { localStorage?: KeyValueStore }).localStorage;
    }
    const idb = fakeIndexedDb();
    (globalThis as { indexedDB?: IDBFactory }).indexedDB = idb.factory;
    try {
      await exerciseStorage(browserStorage());
      assert.equal(idb.opens, 1);
    } finally {
      delete (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    }
  });
});

/** Just enough of IndexedDB (open, upgrade, one object store, getAll/put/delete, transaction events). */
function fakeIndexedDb() {
  const stores = new Map<string, Map<string, unknown>>();
  const databases: Array<{ onversionchange: (() => void) | null }> = [];
  const state = {
    mode: 'ok' as 'ok' | 'error' | 'blocked',
    failTransactions: false,
    opens: 0,
    versionChange: () => databases.at(-1)?.onversionchange?.(),
    factory: undefined as unknown as IDBFactory,
  };
  const later = (fn: () => void) => setTimeout(fn, 0);
  state.factory = {
    open() {
      const request: Record<string, unknown> & {
        onsuccess?: () => void;
        onerror?: () => void;
        onblocked?: () => void;
        onupgradeneeded?: () => void;
      } = {};
      later(() => {
        if (state.mode === 'error') {
          request.error = new Error('open failed');
          request.onerror?.();
          return;
        }
        if (state.mode === 'blocked') {
          request.onblocked?.();
          return;
        }
        state.opens += 1;
        const db = {
          onversionchange: null as (() => void) | null,
          close() {},
          createObjectStore(name: string) {
            if (!stores.has(name)) stores.set(name, new Map());
          },
          transaction(name: string) {
            const data = stores.get(name)!;
            const transaction: Record<string, unknown> & { oncomplete?: () => void; onerror?: () => void; onabort?: () => void } = {};
            const run = (work: () => unknown) => {
              const result: { result?: unknown; error?: unknown } = {};
              later(() => {
                if (state.failTransactions) {
                  transaction.error = new Error('transaction failed');
                  transaction.onabort?.();
                  return;
                }
                result.result = work();
                transaction.oncomplete?.();
              });
              return result;
            };
            transaction.objectStore = () => ({
              getAll: () => run(() => [...data.values()].map((v) => structuredClone(v))),
              put: (value: { id: string }) => run(() => data.set(value.id, structuredClone(value))),
              delete: (id: string) => run(() => data.delete(id)),
            });
            return transaction;
          },
        };
        databases.push(db);
        request.result = db;
        request.onupgradeneeded?.();
        request.onsuccess?.();
      });
      return request;
    },
  } as unknown as IDBFactory;
  return state;
}
