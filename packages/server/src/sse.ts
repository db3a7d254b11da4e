/**
 * Live counts over server-sent events. All listeners of a petition share ONE change source (a
 * `Channel`): the write path notifies it in-process and, on PostgreSQL, so do the notifications of every
 * process's commits (LISTEN agir_counts, see app.ts and migrations/005), with one poller per petition
 * reading the counter row now and then in case a notification was lost. A channel sends at most one
 * `count` event per interval (changes in between are coalesced), comments as heartbeats, and goes away
 * with its last listener. A `count` event carries the goal too: an operator's change of goal (or of the
 * baseline) reaches open counters like a new signature.
 */
import { countEventSchema, petitionCountEventSchema } from '@agir/core';
import type { Counts } from './store.js';

/** Most petitions one stream (`GET /stream?petitions=a,b`) carries. */
export const MAX_STREAM_PETITIONS = 50;

export interface HubOptions {
  /** Reads a petition's current counts (undefined when it is gone). */
  readCounts(petitionId: string): Promise<Counts | undefined>;
  minIntervalMs: number;
  heartbeatMs: number;
  /** How often to read the counter row while a petition has listeners; false: rely on notify() only. */
  pollMs: number | false;
  onError?: (error: unknown) => void;
}

/** One connected client. `send` returns false when the client is gone or too slow to keep. */
export interface Listener {
  /** `counts` comes with a `count` event (its chunk), so a listener may write its own event from them. */
  send(chunk: string, counts?: Counts): boolean;
  /** Ends the stream (server shutdown). */
  close(): void;
}

interface Channel {
  listeners: Set<Listener>;
  last: Counts;
  lastSentAt: number;
  timer: NodeJS.Timeout | undefined;
  reading: boolean;
  /** A change was notified while the counts were being read: read again afterwards. */
  pending: boolean;
  heartbeat: NodeJS.Timeout;
  poller: NodeJS.Timeout | undefined;
}

export const countEvent = (counts: Counts): string => `event: count\ndata: ${JSON.stringify(countEventSchema.parse(counts))}\n\n`;

/** A `count` event of the stream of several petitions: the petition's id with its counts. */
export const petitionCountEvent = (petition: string, counts: Counts): string =>
  `event: count\ndata: ${JSON.stringify(petitionCountEventSchema.parse({ petition, ...counts }))}\n\n`;

export class CountHub {
  readonly #channels = new Map<string, Channel>();
  readonly #options: HubOptions;

  constructor(options: HubOptions) {
    this.#options = options;
  }

  /** Petitions being watched: one change source each. */
  get changeSources(): number {
    return this.#channels.size;
  }

  get listeners(): number {
    let total = 0;
    for (const channel of this.#channels.values()) total += channel.listeners.size;
    return total;
  }

  /**
   * Adds a listener. `current` is the caller's reading of the counts, used when the petition has no
   * channel yet. Returns the counts to send the listener first (what the others were last sent, so all
   * listeners agree) and the function that removes it.
   */
  subscribe(petitionId: string, current: Counts, listener: Listener): { counts: Counts; unsubscribe: () => void } {
    let channel = this.#channels.get(petitionId);
    if (!channel) {
      channel = this.#open(petitionId, current);
      this.#channels.set(petitionId, channel);
    } else if (!sameCounts(channel.last, current)) {
      this.notify(petitionId); // the caller read other counts than were last sent: check which are current
    }
    channel.listeners.add(listener);
    const unsubscribe = (): void => {
      const open = this.#channels.get(petitionId);
      if (!open || !open.listeners.delete(listener) || open.listeners.size > 0) return;
      this.#shut(petitionId, open);
    };
    return { counts: channel.last, unsubscribe };
  }

  /** The counts of a petition may have changed (called by the write path after a commit). */
  notify(petitionId: string): void {
    const channel = this.#channels.get(petitionId);
    if (!channel || channel.timer) return; // no listener, or an event is already due: coalesced
    const wait = Math.max(0, channel.lastSentAt + this.#options.minIntervalMs - Date.now());
    channel.timer = setTimeout(() => void this.#flush(petitionId, channel), wait);
  }

  /** Every watched petition may have changed (a notification may have been lost): read them all again. */
  notifyAll(): void {
    for (const petitionId of this.#channels.keys()) this.notify(petitionId);
  }

  /** Ends every stream (server shutdown). */
  close(): void {
    for (const [petitionId, channel] of this.#channels) {
      const listeners = [...channel.listeners];
      this.#shut(petitionId, channel);
      for (const listener of listeners) listener.close();
    }
  }

  #open(petitionId: string, current: Counts): Channel {
    const channel: Channel = {
      listeners: new Set(),
      last: current,
      lastSentAt: 0,
      timer: undefined,
      reading: false,
      pending: false,
      heartbeat: setInterval(() => this.#broadcast(petitionId, channel, ': heartbeat\n\n'), this.#options.heartbeatMs),
      poller: undefined,
    };
    const { pollMs } = this.#options;
    if (pollMs !== false) channel.poller = setInterval(() => this.notify(petitionId), pollMs);
    return channel;
  }

  #shut(petitionId: string, channel: Channel): void {
    clearTimeout(channel.timer);
    clearInterval(channel.heartbeat);
    clearInterval(channel.poller);
    this.#channels.delete(petitionId);
    channel.listeners.clear();
  }

  async #flush(petitionId: string, channel: Channel): Promise<void> {
    channel.timer = undefined;
    if (channel.reading) {
      channel.pending = true;
      return;
    }
    channel.reading = true;
    try {
      const counts = await this.#options.readCounts(petitionId);
      if (this.#channels.get(petitionId) !== channel) return; // closed meanwhile
      if (counts && !sameCounts(counts, channel.last)) {
        channel.last = counts;
        channel.lastSentAt = Date.now();
        this.#broadcast(petitionId, channel, countEvent(counts), counts);
      }
    } catch (error) {
      this.#options.onError?.(error);
    } finally {
      channel.reading = false;
      if (channel.pending) {
        channel.pending = false;
        this.notify(petitionId);
      }
    }
  }

  #broadcast(petitionId: string, channel: Channel, chunk: string, counts?: Counts): void {
    for (const listener of [...channel.listeners]) {
      if (!listener.send(chunk, counts)) {
        channel.listeners.delete(listener);
        if (channel.listeners.size === 0) this.#shut(petitionId, channel);
      }
    }
  }
}

function sameCounts(a: Counts, b: Counts): boolean {
  return a.signatureCount === b.signatureCount && a.countryCount === b.countryCount && (a.goal ?? null) === (b.goal ?? null);
}
