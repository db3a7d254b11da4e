/**
 * The relay: every counted signature is sent to the organisation's systems — a signed webhook, or an
 * Action Network petition (OSDI record signature helper) — from an outbox written in the signature's
 * transaction (src/relay-queue.ts). A worker in the server process sends it, one delivery at a time per
 * target (a lease on the target row, so two processes on one PostgreSQL never send to one target at once),
 * retries with capped exponential backoff and jitter, never gives up, and marks a delivery `failing` after
 * FAILING_AFTER attempts. Every attempt of a delivery carries the same delivery id (the receiver's
 * idempotency key): a delivery cut short (the process killed while the request was in flight) is sent
 * again with the same id. Secrets are read from the environment at send time, never stored.
 *
 * A delivery is an event: `signature.created`, and `consent.confirmed` when its signer follows the emailed
 * link (written in the confirmation's transaction, src/mail.ts), sent after the signature's own delivery
 * to that target. Under double opt-in (src/opt-in.ts; recorded on each row) Action Network is told
 * `subscribed` only for a confirmed consent.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { osdiSignature } from '@agir/core';
import type { Queryable } from './db.js';
import type { Logger } from './log.js';
import { leaseMs, PollLoop } from './poll-loop.js';
import type { ExportedSignature, Store } from './store.js';

export type RelayKind = 'webhook' | 'actionnetwork';
export type RelayEvent = 'signature.created' | 'consent.confirmed';
export const relayEvents: readonly RelayEvent[] = ['signature.created', 'consent.confirmed'];

/** A delivery is shown as failing after this many attempts without success (it is still retried). */
export const FAILING_AFTER = 5;

export interface RelayTarget {
  id: number;
  petitionId: string;
  kind: RelayKind;
  url: string;
  /** The environment variable holding the webhook secret or the API key. */
  secretEnv: string;
  tags: string[];
  consentId: string;
  /** Action Network: relay every signer, not only those who granted `consentId` (see enqueueRelays). */
  allSigners: boolean;
}

export interface NewRelayTarget {
  petitionId: string;
  kind: RelayKind;
  url: string;
  secretEnv: string;
  tags?: string[] | undefined;
  consentId?: string | undefined;
  allSigners?: boolean | undefined;
}

interface DeliveryCounts {
  delivered: number;
  pending: number;
  failing: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
}

/** A target and its deliveries, counted per event (`relay status` prints a line for each). */
export interface RelayTargetStatus extends RelayTarget {
  events: Array<DeliveryCounts & { event: RelayEvent }>;
}

export interface RelayOptions {
  /** How often the worker looks for due deliveries, in ms (default 1000). */
  pollMs?: number;
  /** Timeout of one delivery request, in ms (default 10 000); the target's lease is twice this plus a second. */
  timeoutMs?: number;
  /** First retry delay, in ms (default 30 000), doubled each attempt (with jitter) up to `maxDelayMs`. */
  minDelayMs?: number;
  /** Longest retry delay, in ms (default 6 hours). */
  maxDelayMs?: number;
  /** Targets served at once by this process (default 4); one delivery at a time per target anyway. */
  concurrency?: number;
  /** Where secrets are read (default process.env). */
  env?: Record<string, string | undefined>;
}

export const relayDefaults = {
  pollMs: 1000,
  timeoutMs: 10_000,
  minDelayMs: 30_000,
  maxDelayMs: 6 * 3600_000,
  concurrency: 4,
} as const;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ACTION_NETWORK_PATH = /\/petitions\/[^/]+\/signatures\/?$/;

/** A host on this machine: plain HTTP (or SMTP) to it never crosses a network. */
export const isLoopback = (hostname: string): boolean =>
  hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);

/**
 * Checks a new target; the problem in words, or undefined. A plain `http://` URL is refused unless its host
 * is this machine (loopback) or `allowHttp` is given: every delivery carries a signer's name and email.
 */
export function checkTarget(target: NewRelayTarget, allowHttp = false): string | undefined {
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    return `"${target.url}" is not a URL`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${target.url}: only http(s) URLs`;
  if (url.protocol === 'http:' && !allowHttp && !isLoopback(url.hostname))
    return (
      `${target.url}: plain http would carry every signer's name and email readable to anyone on the way; use https, ` +
      'or give --allow-http for a target on a network you trust (a service beside the server, not the internet)'
    );
  if (url.username || url.password)
    return `${target.url}: no credentials in the URL (they would be stored): give them through the environment`;
  if (!ENV_NAME.test(target.secretEnv)) return `"${target.secretEnv}" is not an environment variable name`;
  if (target.kind === 'actionnetwork' && !ACTION_NETWORK_PATH.test(url.pathname))
    return `${target.url}: an Action Network target is the petition's signatures URL, https://actionnetwork.org/api/v2/petitions/{id}/signatures`;
  return undefined;
}

interface TargetRow {
  id: number;
  petition_id: string;
  kind: RelayKind;
  url: string;
  secret_env: string;
  tags: string[];
  consent_id: string;
  all_signers: boolean;
}

const toTarget = (row: TargetRow): RelayTarget => ({
  id: Number(row.id),
  petitionId: row.petition_id,
  kind: row.kind,
  url: row.url,
  secretEnv: row.secret_env,
  tags: row.tags,
  consentId: row.consent_id,
  allSigners: row.all_signers,
});

export async function addTarget(db: Queryable, target: NewRelayTarget): Promise<RelayTarget> {
  const [row] = await db.query<TargetRow & Record<string, unknown>>(
    `INSERT INTO relay_targets (petition_id, kind, url, secret_env, tags, consent_id, all_signers) VALUES ($1, $2, $3, $4, $5, $6, $7)
     RETURNING id, petition_id, kind, url, secret_env, tags, consent_id, all_signers`,
    [
      target.petitionId,
      target.kind,
      target.url,
      target.secretEnv,
      target.tags ?? [],
      target.consentId ?? 'newsletter',
      target.allSigners ?? false,
    ],
  );
  return toTarget(row!);
}

export async function removeTarget(db: Queryable, id: number): Promise<boolean> {
  return (await db.query('DELETE FROM relay_targets WHERE id = $1 RETURNING id', [id])).length === 1;
}

export async function listTargets(db: Queryable): Promise<RelayTarget[]> {
  const rows = await db.query<TargetRow & Record<string, unknown>>(
    'SELECT id, petition_id, kind, url, secret_env, tags, consent_id, all_signers FROM relay_targets ORDER BY id',
  );
  return rows.map(toTarget);
}

export async function relayStatus(db: Queryable): Promise<RelayTargetStatus[]> {
  const rows = await db.query<
    TargetRow & {
      event: RelayEvent;
      delivered: number;
      pending: number;
      failing: number;
      next_attempt_at: Date | null;
      last_error: string | null;
    } & Record<string, unknown>
  >(
    `SELECT t.id, t.petition_id, t.kind, t.url, t.secret_env, t.tags, t.consent_id, t.all_signers, e.event,
            count(o.id) FILTER (WHERE o.delivered_at IS NOT NULL)::int AS delivered,
            count(o.id) FILTER (WHERE o.delivered_at IS NULL)::int AS pending,
            count(o.id) FILTER (WHERE o.delivered_at IS NULL AND o.attempts >= $1)::int AS failing,
            min(o.next_attempt_at) FILTER (WHERE o.delivered_at IS NULL) AS next_attempt_at,
            (SELECT x.last_error FROM relay_outbox x WHERE x.target_id = t.id AND x.event = e.event AND x.delivered_at IS NULL
                AND x.last_error IS NOT NULL ORDER BY x.last_attempt_at DESC LIMIT 1) AS last_error
       FROM relay_targets t CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS e (event, rank)
       LEFT JOIN relay_outbox o ON o.target_id = t.id AND o.event = e.event
      GROUP BY t.id, e.event, e.rank ORDER BY t.id, e.rank`,
    [FAILING_AFTER, relayEvents],
  );
  const targets = new Map<number, RelayTargetStatus>();
  for (const row of rows) {
    const target = targets.get(Number(row.id)) ?? { ...toTarget(row), events: [] };
    targets.set(target.id, target);
    target.events.push({
      event: row.event,
      delivered: row.delivered,
      pending: row.pending,
      failing: row.failing,
      nextAttemptAt: row.next_attempt_at,
      lastError: row.last_error,
    });
  }
  return [...targets.values()];
}

/** Makes every undelivered delivery (of one target, or all) due now; resolves with how many. */
export async function retryNow(db: Queryable, targetId?: number): Promise<number> {
  const rows = await db.query(
    'UPDATE relay_outbox SET next_attempt_at = now() WHERE delivered_at IS NULL AND ($1::bigint IS NULL OR target_id = $1) RETURNING id',
    [targetId ?? null],
  );
  return rows.length;
}

// ---------------------------------------------------------------------------------------------
// What is sent

/** What a delivery is, beside its target and its signature. */
export interface Delivery {
  /** Its delivery id: the receiver's idempotency key. */
  id: string;
  event: RelayEvent;
  /** Taken under double opt-in: a granted consent subscribes nobody until it is confirmed. */
  doubleOptIn: boolean;
  /** `consent.confirmed`: the delivery id of the signature's own delivery to the same target (the receiver's join). */
  signatureDelivery?: string | null | undefined;
}

/** The consents as the webhook shows them (the time of a confirmation is the `consent.confirmed` event's). */
const shownConsents = (signature: ExportedSignature) =>
  signature.consents.map(({ id, granted, text, version, state }) => ({ id, granted, text, version, state }));

/** The webhook's JSON body of a `signature.created` delivery; `optIn` says whether a `pending` consent waits for its confirmation. */
export function webhookBody(deliveryId: string, signature: ExportedSignature, doubleOptIn = false): Record<string, unknown> {
  return {
    type: 'signature.created',
    delivery: deliveryId,
    petition: signature.petitionId,
    signedAt: signature.createdAt.toISOString(),
    optIn: doubleOptIn ? 'double' : 'single',
    person: {
      givenName: signature.givenName,
      familyName: signature.familyName,
      email: signature.email,
      country: signature.country,
      postalCode: signature.postalCode,
      phone: signature.phone,
    },
    comment: signature.comment,
    locale: signature.locale,
    source: { url: signature.sourceUrl, referrer: signature.sourceReferrer, embed: signature.sourceEmbed, utm: signature.sourceUtm },
    consents: shownConsents(signature),
  };
}

/**
 * The webhook's JSON body of a `consent.confirmed` delivery: which signature (its own delivery id to this
 * target, and the petition), whose (the email), and the consents now confirmed, each with its time.
 */
export function confirmationBody(delivery: Delivery, signature: ExportedSignature): Record<string, unknown> {
  return {
    type: 'consent.confirmed',
    delivery: delivery.id,
    signatureDelivery: delivery.signatureDelivery ?? null,
    petition: signature.petitionId,
    signedAt: signature.createdAt.toISOString(),
    person: { email: signature.email },
    consents: signature.consents
      .filter((consent) => consent.state === 'confirmed')
      .map((consent) => ({
        id: consent.id,
        granted: consent.granted,
        text: consent.text,
        version: consent.version,
        state: consent.state,
        confirmedAt: consent.confirmedAt ? new Date(consent.confirmedAt).toISOString() : null,
      })),
  };
}

/** `Agir-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the secret>`. */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/**
 * The Action Network (OSDI) record signature helper body of a delivery: core's `osdiSignature` (one home
 * for the relay and the browser's Action Network adapter), with the delivery id as the identifier and the
 * target's tags and consent: `status: "subscribed"` only when the signer granted it, and, under double
 * opt-in, only once they have confirmed it (a `consent.confirmed` delivery sends the helper again: Action
 * Network updates the person).
 */
export function actionNetworkBody(
  deliveryId: string,
  signature: ExportedSignature,
  target: Pick<RelayTarget, 'tags' | 'consentId'>,
  doubleOptIn = false,
): Record<string, unknown> {
  return osdiSignature(
    {
      givenName: signature.givenName,
      familyName: signature.familyName,
      email: signature.email,
      country: signature.country,
      postalCode: signature.postalCode,
      comment: signature.comment,
      referrer: signature.sourceReferrer,
      utmSource: signature.sourceUtm?.utm_source,
      consents: signature.consents.map((consent) => ({
        ...consent,
        granted: consent.granted && (!doubleOptIn || consent.state === 'confirmed'),
      })),
    },
    { identifier: deliveryId, tags: target.tags, consentId: target.consentId },
  );
}

/** The request of one delivery: URL, headers and body. Throws when the target's secret is not in the environment. */
export function buildRequest(
  target: RelayTarget,
  delivery: Delivery,
  signature: ExportedSignature,
  env: Record<string, string | undefined>,
  now = Date.now(),
): { url: string; headers: Record<string, string>; body: string } {
  const secret = env[target.secretEnv];
  if (!secret) throw new RelayError(`the environment variable ${target.secretEnv} is not set`);
  if (target.kind === 'webhook') {
    const body = JSON.stringify(
      delivery.event === 'consent.confirmed'
        ? confirmationBody(delivery, signature)
        : webhookBody(delivery.id, signature, delivery.doubleOptIn),
    );
    return {
      url: target.url,
      body,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'agir-server relay',
        'agir-delivery': delivery.id,
        'agir-event': delivery.event,
        'agir-signature': signWebhook(secret, body, Math.floor(now / 1000)),
      },
    };
  }
  return {
    url: target.url,
    body: JSON.stringify(actionNetworkBody(delivery.id, signature, target, delivery.doubleOptIn)),
    headers: { 'content-type': 'application/json', 'user-agent': 'agir-server relay', 'osdi-api-token': secret },
  };
}

/** A failure whose message is safe to store and show (no personal data, no secret). */
class RelayError extends Error {}

// ---------------------------------------------------------------------------------------------
// The worker

/** The delay before attempt `attempts + 1`: min · 2^(attempts−1), capped, times a jitter in [0.5, 1]. */
export function backoffMs(attempts: number, minMs: number, maxMs: number, random = Math.random): number {
  const base = Math.min(maxMs, minMs * 2 ** Math.min(Math.max(attempts - 1, 0), 40));
  return Math.round(base * (0.5 + random() / 2));
}

interface Claimed {
  outboxId: number;
  signatureId: number;
  delivery: Delivery;
  attempts: number;
}

/**
 * Whether outbox row `o` may be sent: a `consent.confirmed` waits for the signature's own delivery to the
 * same target, so a receiver never hears of a confirmation before the signature it confirms.
 */
const READY = `(o.event <> 'consent.confirmed' OR NOT EXISTS (SELECT 1 FROM relay_outbox p WHERE p.target_id = o.target_id
  AND p.signature_id = o.signature_id AND p.event = 'signature.created' AND p.delivered_at IS NULL))`;

export class RelayWorker {
  readonly #owner = randomUUID();
  readonly #options: Required<Omit<RelayOptions, 'env'>> & { env: Record<string, string | undefined> };
  readonly #loop: PollLoop;
  #controllers = new Set<AbortController>();
  /** Deliveries sent (2xx) by this process. */
  delivered = 0;

  constructor(
    private readonly store: Store,
    options: RelayOptions,
    private readonly logger: Logger,
  ) {
    this.#options = { ...relayDefaults, ...options, env: options.env ?? process.env };
    this.#loop = new PollLoop(() => this.tick(), this.#options.pollMs, logger, 'relay');
  }

  get leaseMs(): number {
    return leaseMs(this.#options.timeoutMs);
  }

  start(): void {
    this.#loop.start(this.store.db, 'UPDATE relay_targets SET lease_owner = NULL, lease_until = NULL');
  }

  /**
   * One round: up to `concurrency` targets with due deliveries, the longest-waiting first, each served
   * under its lease by one loop. Resolves with whether anything was due.
   */
  async tick(): Promise<boolean> {
    const rounds = await Promise.allSettled(Array.from({ length: this.#options.concurrency }, () => this.#serveOne()));
    for (const round of rounds) if (round.status === 'rejected') this.logger.error('relay', round.reason);
    return rounds.some((round) => round.status === 'fulfilled' && round.value);
  }

  /** Stops taking deliveries; one in flight may finish within 3 s, then it is cut (and due again at the next start). */
  async stop(): Promise<void> {
    const grace = setTimeout(() => {
      for (const controller of this.#controllers) controller.abort();
    }, 3000);
    await this.#loop.stop();
    clearTimeout(grace);
  }

  async #serveOne(): Promise<boolean> {
    if (this.#loop.stopped) return false;
    const target = await this.#claimTarget();
    if (!target) return false;
    try {
      await this.#serveTarget(target);
    } finally {
      await this.store.db.query('UPDATE relay_targets SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2', [
        target.id,
        this.#owner,
      ]);
    }
    return true;
  }

  /** Takes the lease of a target with a due delivery that no process holds. */
  async #claimTarget(): Promise<RelayTarget | undefined> {
    const [row] = await this.store.db.query<TargetRow & Record<string, unknown>>(
      `UPDATE relay_targets t SET lease_owner = $1, lease_until = now() + $2 * interval '1 millisecond'
        WHERE t.id = (
          SELECT c.id FROM relay_targets c
           WHERE (c.lease_until IS NULL OR c.lease_until < now())
             AND EXISTS (SELECT 1 FROM relay_outbox o WHERE o.target_id = c.id AND o.delivered_at IS NULL AND o.next_attempt_at <= now() AND ${READY})
           ORDER BY (SELECT min(o.next_attempt_at) FROM relay_outbox o WHERE o.target_id = c.id AND o.delivered_at IS NULL), c.id
           LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING t.id, t.petition_id, t.kind, t.url, t.secret_env, t.tags, t.consent_id, t.all_signers`,
      [this.#owner, this.leaseMs],
    );
    return row && toTarget(row);
  }

  /** Sends the target's due deliveries one after the other, the longest-waiting first; stops at the first failure. */
  async #serveTarget(target: RelayTarget): Promise<void> {
    for (let sent = 0; sent < 20 && !this.#loop.stopped; sent++) {
      const claimed = await this.#claimDelivery(target);
      if (!claimed) return;
      const ok = await this.#deliver(target, claimed);
      if (!ok) return;
    }
  }

  /** The oldest due delivery of a leased target, its attempt counted (and the lease renewed) before it is sent. */
  async #claimDelivery(target: RelayTarget): Promise<Claimed | undefined> {
    return this.store.db.transaction(async (tx) => {
      const lease = await tx.query(
        `UPDATE relay_targets SET lease_until = now() + $3 * interval '1 millisecond' WHERE id = $1 AND lease_owner = $2 RETURNING id`,
        [target.id, this.#owner, this.leaseMs],
      );
      if (lease.length === 0) return undefined; // lost (a pause longer than the lease): another process serves it
      const [row] = await tx.query<{
        id: number;
        signature_id: number;
        delivery_id: string;
        event: RelayEvent;
        double_opt_in: boolean;
        signature_delivery: string | null;
        attempts: number;
      }>(
        `UPDATE relay_outbox r SET attempts = attempts + 1, last_attempt_at = now()
          WHERE r.id = (SELECT o.id FROM relay_outbox o WHERE o.target_id = $1 AND o.delivered_at IS NULL AND o.next_attempt_at <= now() AND ${READY}
                         ORDER BY o.next_attempt_at, o.id LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING r.id, r.signature_id, r.delivery_id::text AS delivery_id, r.event, r.double_opt_in, r.attempts,
                    (SELECT s.delivery_id::text FROM relay_outbox s WHERE s.target_id = r.target_id AND s.signature_id = r.signature_id
                        AND s.event = 'signature.created') AS signature_delivery`,
        [target.id],
      );
      return (
        row && {
          outboxId: Number(row.id),
          signatureId: Number(row.signature_id),
          delivery: { id: row.delivery_id, event: row.event, doubleOptIn: row.double_opt_in, signatureDelivery: row.signature_delivery },
          attempts: row.attempts,
        }
      );
    });
  }

  async #deliver(target: RelayTarget, claimed: Claimed): Promise<boolean> {
    const signature = await this.store.readSignature(target.petitionId, claimed.signatureId);
    if (!signature) {
      // Erased (its row, or its person's key, is gone): nothing to send, and nothing to keep.
      await this.store.db.query('DELETE FROM relay_outbox WHERE id = $1', [claimed.outboxId]);
      return true;
    }
    let failure: string | undefined;
    const controller = new AbortController();
    this.#controllers.add(controller);
    const timer = setTimeout(
      () => controller.abort(new RelayError(`no answer within ${this.#options.timeoutMs} ms`)),
      this.#options.timeoutMs,
    );
    try {
      const request = buildRequest(target, claimed.delivery, signature, this.#options.env);
      const response = await fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal: controller.signal,
      });
      const text = await readLimited(response, 1 << 20);
      if (response.status < 200 || response.status > 299)
        failure = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      else if (target.kind === 'actionnetwork' && !hasIdentifiers(text))
        // Action Network answers a POST it refused with 200 and an empty object (its "blind POST").
        failure = `HTTP ${response.status} without a signature in the answer (check the API key and the petition URL)`;
    } catch (error) {
      failure = describe(error, controller.signal);
    } finally {
      clearTimeout(timer);
      this.#controllers.delete(controller);
    }
    if (failure === undefined) {
      await this.store.db.query('UPDATE relay_outbox SET delivered_at = now(), last_error = NULL WHERE id = $1', [claimed.outboxId]);
      this.delivered++;
      return true;
    }
    // Cut short by the server's stop: not the target's fault, due again at once (the next start).
    const interrupted = this.#loop.stopped && controller.signal.aborted;
    const delay = interrupted ? 0 : backoffMs(claimed.attempts, this.#options.minDelayMs, this.#options.maxDelayMs);
    if (interrupted) failure = 'interrupted by the server stopping';
    await this.store.db.query(
      `UPDATE relay_outbox SET last_error = $2, next_attempt_at = now() + $3 * interval '1 millisecond' WHERE id = $1`,
      [claimed.outboxId, failure.slice(0, 300), delay],
    );
    return false;
  }
}

function hasIdentifiers(text: string): boolean {
  try {
    const body = JSON.parse(text) as { identifiers?: unknown };
    return Array.isArray(body.identifiers) && body.identifiers.length > 0;
  } catch {
    return false;
  }
}

async function readLimited(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) break;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A network failure in words fit for `relay status` (its class and code, never a body). */
function describe(error: unknown, signal: AbortSignal): string {
  if (signal.aborted && signal.reason instanceof RelayError) return signal.reason.message;
  if (error instanceof RelayError) return error.message;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  return code ? `network error ${code}` : `network error ${(error as Error).name ?? 'Error'}`;
}
