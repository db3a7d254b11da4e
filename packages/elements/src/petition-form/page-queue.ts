/**
 * The page's durable signature queue and HTTP clients, shared by every petition-form of the page (the
 * queue sits on the origin's storage, so one per page is the right number). `flushQueue()` sends what is
 * due; the `online` event, a timer for the next retry, and any form that connects flush it too.
 * Part of the lazily loaded submission chunk (see submission.ts).
 */
import {
  AgirError,
  browserStorage,
  createClient,
  createSignatureQueue,
  DAY_MS,
  DEFAULT_EXPIRY_DAYS,
  type AgirClient,
  type Acknowledgement,
  type QueueEntry,
  type QueueOutcome,
  type QueueStorage,
  type SignatureQueue,
  type SignatureRequest,
} from '@agir/core';

/** Settings of the page's queue. Tests use them as seams (short delays, a fresh storage). */
export interface SignatureQueueSettings {
  /** Where queued signatures live (default: IndexedDB, else localStorage, else memory). */
  storage?: QueueStorage;
  /** Time allowed for one request, in ms (default 10 000). */
  timeoutMs?: number;
  /** First retry delay in ms (default 2 000), doubling up to `maxDelayMs` (default 5 minutes). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Days an unsent signature is kept (default 30). */
  expiryDays?: number;
  /** Server errors (5xx) of one signature before the reader is told it could not be sent (default 4). */
  maxServerErrors?: number;
}

/** What a form hears about a queued signature, from this page or another tab of the same origin. */
export interface Settled {
  readonly id: string;
  readonly status: QueueOutcome['status'];
  /** The signature's petition and its client's endpoint (known for this page's own sends, not for other tabs'). */
  readonly petition?: string | undefined;
  readonly endpoint?: string | undefined;
  readonly response?: Acknowledgement | undefined;
  readonly error?: unknown;
}

const settings: SignatureQueueSettings = {};
const clients = new Map<string, AgirClient>();
const listeners = new Set<(settled: Settled) => void>();
let queue: SignatureQueue | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let channel: BroadcastChannel | undefined;
let onlineListener = false;

const toSettled = (outcome: QueueOutcome): Settled => ({
  id: outcome.entry.id,
  status: outcome.status,
  petition: outcome.entry.petition,
  endpoint: clients.get(outcome.entry.client)?.endpoint,
  response: outcome.status === 'sent' ? outcome.response : undefined,
  error: outcome.status === 'sent' || outcome.status === 'expired' ? undefined : outcome.error,
});

const notify = (settled: Settled): void => {
  for (const listener of listeners) listener(settled);
};

/** Changes the page queue's settings (the queue is rebuilt; stored signatures stay). */
export function configureSignatureQueue(options: SignatureQueueSettings): void {
  Object.assign(settings, options);
  clients.clear();
  clearTimeout(timer);
  queue = undefined;
}

const CONTRACT = 'agir:';

/** Sends every signature filed under the client's id with this client (a form's own, or the page's). */
export function useClient(client: AgirClient & { id: string }): void {
  clients.set(client.id, client);
}

/**
 * The client a signature (or a petition check) goes through, by its id: one a form of this page set up,
 * else, for `agir:<endpoint>`, the contract's client (no retries: the queue retries).
 */
export function clientFor(id: string): AgirClient | undefined {
  let client = clients.get(id);
  if (!client && id.startsWith(CONTRACT)) {
    client = createClient({ endpoint: id.slice(CONTRACT.length), retries: 0, timeoutMs: settings.timeoutMs ?? 10_000 });
    clients.set(id, client);
  }
  return client;
}

/** A signature of a client this page has set up (a custom client's waits until a form sets it up again). */
const ready = (entry: QueueEntry): boolean => clientFor(entry.client) !== undefined;

async function send(entry: QueueEntry): Promise<Acknowledgement> {
  const client = clientFor(entry.client);
  if (!client?.sign) throw new AgirError('config', `Agir: no client "${entry.client}" that can sign in this page.`);
  return client.sign(entry.petition, entry.request);
}

function pageQueue(): SignatureQueue {
  if (!queue) {
    queue = createSignatureQueue({
      storage: settings.storage ?? browserStorage(),
      send,
      ready,
      onOutcome: (outcome) => {
        const settled = toSettled(outcome);
        notify(settled);
        if (settled.status !== 'retry') channel?.postMessage({ id: settled.id, status: settled.status, response: settled.response });
      },
      ...(settings.baseDelayMs === undefined ? {} : { baseDelayMs: settings.baseDelayMs }),
      ...(settings.maxDelayMs === undefined ? {} : { maxDelayMs: settings.maxDelayMs }),
      ...(settings.maxServerErrors === undefined ? {} : { maxServerErrors: settings.maxServerErrors }),
      expiryMs: (settings.expiryDays ?? DEFAULT_EXPIRY_DAYS) * DAY_MS,
    });
    if (!onlineListener && typeof addEventListener === 'function') {
      onlineListener = true;
      addEventListener('online', () => void flushQueue(undefined, true));
    }
    if (!channel && typeof BroadcastChannel === 'function') {
      channel = new BroadcastChannel('agir-signature-queue');
      channel.onmessage = ({ data }: MessageEvent<Partial<Settled> | null>) => {
        // Another tab of this origin settled a signature; take only what a form needs, well-formed.
        const count = data?.response?.signatureCount;
        if (typeof data?.id !== 'string' || !['sent', 'rejected', 'expired'].includes(data.status!)) return;
        notify({
          id: data.id,
          status: data.status!,
          response:
            data.response && (count === undefined || Number.isSafeInteger(count))
              ? { signatureCount: count!, duplicate: data.response.duplicate === true }
              : undefined,
        });
      };
    }
  }
  return queue;
}

/** Sets a timer for the earliest retry still waiting in this page's queue. */
async function schedule(): Promise<void> {
  const entries = await pageQueue().entries();
  clearTimeout(timer);
  if (entries.length === 0) return;
  const next = Math.min(...entries.map((entry) => entry.nextAttemptAt));
  timer = setTimeout(() => void flushQueue(), Math.min(2 ** 31 - 1, Math.max(0, next - Date.now()) + 20));
}

/**
 * Sends the signatures of this origin's queue that are due (of one client id, or all), one flush at a time
 * across tabs; `force` sends those still waiting out a backoff too. Resolves with what happened to each.
 */
export async function flushQueue(client?: string, force = false): Promise<QueueOutcome[]> {
  const outcomes = await pageQueue().flush(client, force);
  await schedule();
  return outcomes;
}

/** Signatures still waiting on this device (of one client id, e.g. `agir:<endpoint>`, or all). */
export function queuedSignatures(client?: string) {
  return pageQueue().entries(client);
}

/** Hears every settled signature of the page (and of other tabs); returns the unsubscribe function. */
export function onSettled(listener: (settled: Settled) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Queues a signature, then sends it at once; a retryable failure leaves it queued for later. */
export async function submitSignature(client: string, petition: string, request: SignatureRequest): Promise<Settled> {
  const q = pageQueue();
  const outcome = await q.send(await q.add(client, petition, request));
  await schedule();
  return toSettled(outcome);
}

/** Sends a kept signature again now (the reader pressed "Try again"); undefined when it is no longer kept. */
export async function retrySignature(id: string): Promise<Settled | undefined> {
  const outcome = await pageQueue().retry(id);
  await schedule();
  return outcome && toSettled(outcome);
}

/** The petition, through the client of `id`, its words in `locale` when it has them (its title goes in the share text); undefined when that client cannot read petitions. */
export const loadPetition = (id: string, petition: string, locale: string) => clientFor(id)?.getPetition?.(petition, { locale });
