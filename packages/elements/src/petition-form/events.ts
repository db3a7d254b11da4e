import type { SignatureRequest } from '@agir/core';

/**
 * Fired before a valid signature is queued and sent. Cancelable: `preventDefault()` stops the submission
 * (the form stays as it is). `payload` is the request that will be sent; a listener may read it, change its
 * members or replace it. It is checked against the contract again afterwards (keys outside the contract are
 * dropped).
 */
export class AgirSubmitEvent extends Event {
  static readonly type = 'agir-submit';
  payload: SignatureRequest;
  readonly petition: string;
  readonly endpoint: string | undefined;

  constructor(payload: SignatureRequest, petition: string, endpoint: string | undefined) {
    super(AgirSubmitEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.payload = payload;
    this.petition = petition;
    this.endpoint = endpoint;
  }
}

/**
 * Fired when the server acknowledged a signature (a duplicate included), right after a submit or later
 * when a queued signature gets through. A signature-counter listens to it by type.
 */
export class SignedEvent extends Event {
  static readonly type = 'agir-signed';
  readonly petition: string;
  readonly endpoint: string | undefined;
  /** The petition's count after this signature, as the server reported it (undefined if unknown). */
  readonly signatureCount: number | undefined;
  /**
   * True when the server had already counted this very submission (a retry with its idempotency key). An email
   * that signed before is answered like a new signature: servers do not say whether an address signed.
   */
  readonly duplicate: boolean;

  constructor(petition: string, endpoint: string | undefined, signatureCount: number | undefined, duplicate: boolean) {
    super(SignedEvent.type, { bubbles: true, composed: true });
    this.petition = petition;
    this.endpoint = endpoint;
    this.signatureCount = signatureCount;
    this.duplicate = duplicate;
  }
}

/** Fired when a signature could not be sent yet and was kept on the device, to be sent later. */
export class QueuedEvent extends Event {
  static readonly type = 'agir-queued';
  readonly petition: string;
  readonly endpoint: string | undefined;
  /** The signature's idempotency key (the queue entry's id). */
  readonly idempotencyKey: string;

  constructor(petition: string, endpoint: string | undefined, idempotencyKey: string) {
    super(QueuedEvent.type, { bubbles: true, composed: true });
    this.petition = petition;
    this.endpoint = endpoint;
    this.idempotencyKey = idempotencyKey;
  }
}

/**
 * Fired when a submission ends in an error the reader is shown (validation refused by the server, closed
 * petition, `not-found`: the endpoint has no such petition, anti-spam check failed, misconfiguration, the server failing the signature again and again:
 * `server`, the signature is kept on the device and the reader offered to try again). `reason` names it;
 * `error` is the underlying error.
 */
export class PetitionErrorEvent extends Event {
  static readonly type = 'agir-error';
  readonly petition: string;
  readonly reason: 'invalid' | 'closed' | 'not-found' | 'rejected' | 'captcha' | 'config' | 'server';
  readonly error: unknown;

  constructor(petition: string, reason: PetitionErrorEvent['reason'], error: unknown) {
    super(PetitionErrorEvent.type, { bubbles: true, composed: true });
    this.petition = petition;
    this.reason = reason;
    this.error = error;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'agir-submit': AgirSubmitEvent;
    'agir-signed': SignedEvent;
    'agir-queued': QueuedEvent;
    'agir-error': PetitionErrorEvent;
  }
}
