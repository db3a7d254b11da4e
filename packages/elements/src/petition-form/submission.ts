/**
 * The submission of a petition-form, a reactive controller of the element: the petition's check (`status`),
 * what the reader's signature became (`view`, `sending`, `result`, `failure`) and what the notices show. Its
 * code (./submission-code.ts: the contract, the client, the durable queue, the notices, a page form's
 * wiring) is a separate chunk, loaded as soon as the form connects, in parallel with its first render, so
 * the form shows (and checks what is typed) at once.
 */
import type { ReactiveController } from 'lit';
import { authorError, timeLimit } from '../shared/element-tools.js';
import { stateProperties } from '../shared/state-properties.js';
import { running, signedKey } from './fields.js';
import type { PetitionFormMessages } from './messages/en.js';
import type { PetitionForm } from './petition-form.js';
import type * as Code from './submission-code.js';

/** What the element shows: the form, or a notice instead of (or above) it. */
export type View = 'form' | 'queued' | 'unsent' | 'signed' | 'already-signed' | 'closed' | 'not-found' | 'unavailable';

let loading: Promise<typeof Code> | undefined;
/**
 * The submission code, shared by every form of the page. It has `chunkConfig.timeoutMs` to arrive; a submit
 * meanwhile shows the form's error and waits for the same load when tried again.
 */
const loadCode = (): Promise<typeof Code> =>
  timeLimit(
    (loading ??= import('./submission-code.js').catch((error: unknown) => {
      loading = undefined;
      throw error;
    })),
    'its submission code',
  );

/**
 * Whether this device remembers signing the form's petition (by its id only). A memory that has ended, or
 * that a `no-remember` form finds (left by a visit before the page said so), is erased.
 */
function remembered(host: PetitionForm): boolean {
  try {
    const key = signedKey(host.petition ?? '');
    if (!host.noRemember && running(localStorage.getItem(key))) return true;
    localStorage.removeItem(key);
  } catch {
    // No storage (private mode, blocked): nothing is remembered.
  }
  return false;
}

export class SubmissionController implements ReactiveController {
  static {
    // Each assignment re-renders the element (see requestUpdate).
    stateProperties(this, {
      view: 'form',
      status: 'idle',
      sending: false,
      result: undefined,
      failure: undefined,
      summary: false,
      petitionTitle: undefined,
      petitionShareText: undefined,
      announcement: '',
      copyStatus: '',
    });
  }

  declare view: View;
  /** The petition check: idle, pending, complete or error. */
  declare status: 'idle' | 'pending' | 'complete' | 'error';
  /** A signature is being sent. */
  declare sending: boolean;
  /** The server's answer to the signature. */
  declare result: { count: number | undefined } | undefined;
  /** A submission error that is not about one field (the form's alert). */
  declare failure: keyof PetitionFormMessages | undefined;
  /** Whether the error summary shows (after a submit). */
  declare summary: boolean;
  declare petitionTitle: string | undefined;
  /** The petition's own share text, when the record has one in the element's language. */
  declare petitionShareText: string | undefined;
  /** Said by the element's status region. */
  declare announcement: string;
  /** Whether the share link was copied, in words. */
  declare copyStatus: string;

  /** The submission code, once loaded. */
  code: typeof Code | undefined;
  /** When the reader started (render, or "sign for someone else"). */
  startedAt = Date.now();
  /** Idempotency key of this form's signature waiting in the queue. */
  pendingId: string | undefined;
  /** Endpoint the last signature went to. */
  sentTo: string | undefined;
  /** The endpoint and petition the last check was for. */
  loadedKey: string | undefined;
  prefilled = false;
  /** Stops hearing the page's queue. */
  unsubscribe: (() => void) | undefined;
  /**
   * What to focus once the next render is done (`#title` after a submit). Focus moves inside the render, so a
   * page (or a test) that awaits `updateComplete` after `agir-queued` finds it moved.
   */
  focus: string | undefined;
  /** The petition and endpoint the code was last started for. */
  #for: [string | undefined, string | undefined] | [] = [];
  /** A submission is under way (guards against a second submit). */
  #busy = false;
  /** The page form the code's listeners are on. */
  #wired: HTMLFormElement | null = null;

  constructor(readonly host: PetitionForm) {
    host.addController(this);
  }

  /** Re-renders the element (called by every state assignment). */
  requestUpdate(): void {
    this.host.requestUpdate();
  }

  hostConnected(): void {
    // Back in the page after a check: check again. Else the code starts loading now, before the first render.
    if (this.loadedKey) {
      this.loadedKey = undefined;
      void this.#start();
    } else void loadCode().catch(() => undefined);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.#wire(null);
  }

  hostUpdate(): void {
    if (this.host.petition !== this.#for[0] && this.view === 'form' && remembered(this.host)) this.view = 'already-signed';
  }

  hostUpdated(): void {
    const { host } = this;
    if (host.petition !== this.#for[0] || host.endpoint !== this.#for[1]) {
      this.#for = [host.petition, host.endpoint];
      void this.#start();
    }
    this.#wire(host.pageForm);
    if (host.pageForm) this.code?.syncPageForm(this);
    if (this.focus) {
      host.renderRoot.querySelector<HTMLElement>(this.focus)?.focus();
      this.focus = undefined;
    }
  }

  /** The form's `submit` listener (the element's form or the page's). */
  readonly submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.#busy || this.view !== 'form') return;
    this.#busy = true;
    this.failure = undefined;
    try {
      await (this.code = await loadCode()).submit(this);
    } catch (error) {
      this.failure = 'unavailable';
      authorError(this.host, `could not send the signature: ${(error as Error).message}`);
    } finally {
      this.#busy = this.sending = false;
    }
  };

  /** Puts the code's listeners on the page form in use (none until the code is loaded). */
  #wire(form: HTMLFormElement | null): void {
    if (form === this.#wired || !this.code) return;
    this.code.wire(this, this.#wired, false);
    this.code.wire(this, (this.#wired = form), true);
  }

  /** Loads the code, then checks the petition. */
  async #start(): Promise<void> {
    try {
      this.code = await loadCode();
      this.requestUpdate();
    } catch (error) {
      this.host.authorError(`could not load its submission code (${(error as Error).message}); check that the whole CDN folder is served.`);
      // Its notice needs that code: show the form rather than an empty box (a submit tries the load again).
      if (this.view === 'already-signed') this.view = 'form';
      return;
    }
    if (this.host.isConnected) await this.code.load(this);
  }
}
