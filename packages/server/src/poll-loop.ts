/**
 * The loop of an outbox worker (the relay's, src/relay.ts; the mail's, src/mail.ts): after a first step (the
 * leases a killed process left, on PGlite), one round at a time, the next at once while a round found work,
 * else after `pollMs`; a round's failure is logged and the loop goes on. `stop()` ends it after the round in flight.
 */
import type { Database } from './db.js';
import type { Logger } from './log.js';

/** How long a worker holds what it is sending: twice a send's time limit and a second, so a live send never loses it. */
export const leaseMs = (timeoutMs: number): number => timeoutMs * 2 + 1000;

export class PollLoop {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = false;

  constructor(
    private readonly round: () => Promise<boolean>,
    private readonly pollMs: number,
    private readonly logger: Logger,
    private readonly context: string,
  ) {}

  get stopped(): boolean {
    return this.#stopped;
  }

  /**
   * Starts the rounds. On PGlite, one process (its folder is locked), a lease found at start is a killed
   * process's: `clearLeases` (SQL) frees them first. On PostgreSQL other processes may hold live ones.
   */
  start(db: Database, clearLeases: string): void {
    this.#running = (db.kind === 'pglite' ? db.query(clearLeases) : Promise.resolve())
      .then(() => undefined)
      .catch((error) => this.logger.error(this.context, error))
      .finally(() => this.#schedule(0));
  }

  #schedule(delay: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      let busy = false;
      this.#running = this.round()
        .then((found) => void (busy = found))
        .catch((error) => this.logger.error(this.context, error))
        .finally(() => {
          this.#running = undefined;
          this.#schedule(busy ? 0 : this.pollMs); // at once while there is work, else at the next poll
        });
    }, delay);
    this.#timer.unref?.();
  }

  /** No more rounds; resolves when the round in flight (if any) has ended. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }
}
