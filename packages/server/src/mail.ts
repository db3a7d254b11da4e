/**
 * The confirmation email: every counted signature gets a thank-you in its signer's language, over SMTP
 * (nodemailer), and when a consent was granted (the newsletter) a link that confirms it: double opt-in.
 * It is sent from an outbox row written in the signature's transaction (src/mail-queue.ts), never inside
 * the request, as the relay is (src/relay.ts): a worker in the server process takes one due row at a time
 * under a lease (two processes on one PostgreSQL never send one mail at once), counts the attempt before
 * sending, retries with the relay's capped exponential backoff, and marks the row delivered once the SMTP
 * server accepted it. Every attempt carries the same Message-ID. A 5xx refusal of the recipient or the
 * message is final (`failed`); anything else is retried, without end.
 *
 * The link holds a random 256-bit token; only its SHA-256 is stored (`consent_tokens`), with an expiry. A
 * token is made at each attempt, just before sending (the one of a failed attempt is deleted): a mail sent
 * twice carries two links, either of which confirms, once. The page it opens (src/confirm.ts) asks for a
 * click on a button that POSTs the token: link scanners, which fetch links but submit no forms, confirm nothing.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { canonicalLocale, catalogLanguage, interpolate, type Language } from '@agir/core';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { Logger } from './log.js';
import { mailMessages } from './mail-messages.js';
import { leaseMs, PollLoop } from './poll-loop.js';
import { backoffMs, isLoopback, relayDefaults } from './relay.js';
import { enqueueConfirmations } from './relay-queue.js';
import type { ExportedSignature, Store } from './store.js';

export interface MailOptions {
  /** `smtp://user:pass@host:587` or `smtps://…:465` (SMTP_URL); read from the environment, never stored. */
  smtpUrl: string;
  /** The From address, `Campaign <team@example.org>` (AGIR_MAIL_FROM). */
  from: string;
  /** The server's public address, the start of the confirmation links (AGIR_PUBLIC_URL; default: the address it listens on). */
  publicUrl?: string | undefined;
  /** How long a confirmation link works, in ms (default 7 days). */
  confirmTtlMs?: number;
  /** How often the worker looks for due mails, in ms (default 1000). */
  pollMs?: number;
  /** Timeout of each SMTP step (connection, greeting, socket idle), in ms (default 10 000); the lease is twice it plus a second. */
  timeoutMs?: number;
  /** First retry delay, in ms (default 30 000), doubled each attempt (with jitter) up to `maxDelayMs` (default 6 hours). */
  minDelayMs?: number;
  maxDelayMs?: number;
}

export const mailDefaults = {
  confirmTtlMs: 7 * 24 * 3600_000,
  pollMs: relayDefaults.pollMs,
  timeoutMs: relayDefaults.timeoutMs,
  minDelayMs: relayDefaults.minDelayMs,
  maxDelayMs: relayDefaults.maxDelayMs,
} as const;

/** Checks the options; the problem in words, or undefined. */
export function checkMailOptions(options: Pick<MailOptions, 'smtpUrl' | 'from' | 'publicUrl'>): string | undefined {
  let url: URL;
  try {
    url = new URL(options.smtpUrl);
  } catch {
    return 'the SMTP URL is not a URL (smtp://user:password@host:587 or smtps://…:465)';
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    return `the SMTP URL must start with smtp:// or smtps://, not ${url.protocol}//`;
  if (!/^[^\s@<>]+@[^\s@<>]+$|<[^\s@<>]+@[^\s@<>]+>$/.test(options.from.trim()))
    return `the From address "${options.from}" is not an address such as team@example.org or "Campaign <team@example.org>"`;
  if (options.publicUrl !== undefined) {
    const problem = checkPublicUrl(options.publicUrl);
    if (problem) return problem;
  }
  return undefined;
}

function checkPublicUrl(text: string): string | undefined {
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return `the public URL "${text}" must be http(s)`;
    return undefined;
  } catch {
    return `the public URL "${text}" is not a URL`;
  }
}

// ---------------------------------------------------------------------------------------------
// Tokens

/** A new confirmation token (43 characters of base64url) and the hash that is stored instead of it. */
export function newToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: tokenHash(token) };
}

export const tokenHash = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/** What a token finds: the page's language and the petition, or why not. */
export type TokenLookup =
  | { kind: 'invalid' }
  | { kind: 'expired' | 'confirmed' | 'pending'; locale: string; title: string }
  | { kind: 'done'; locale: string; title: string };

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Reads a token without using it (the GET page). */
export async function lookUpToken(store: Store, token: string): Promise<Exclude<TokenLookup, { kind: 'done' }>> {
  if (!TOKEN_SHAPE.test(token)) return { kind: 'invalid' };
  const [row] = await store.db.query<{ locale: string; title: string; expired: boolean; used: boolean; pending: boolean }>(
    `SELECT s.locale, p.title, t.expires_at <= now() AS expired, t.used_at IS NOT NULL AS used,
            EXISTS (SELECT 1 FROM consents c WHERE c.signature_id = s.id AND c.state = 'pending') AS pending
       FROM consent_tokens t JOIN signatures s ON s.id = t.signature_id JOIN petitions p ON p.id = s.petition_id
      WHERE t.token_hash = $1`,
    [tokenHash(token)],
  );
  if (!row) return { kind: 'invalid' };
  const kind = row.used || !row.pending ? 'confirmed' : row.expired ? 'expired' : 'pending';
  return { kind, locale: row.locale, title: row.title };
}

/**
 * Uses a token (the POST): in one transaction, marks it used, the signature's pending consents confirmed,
 * and their relay deliveries due. `done` once; afterwards `confirmed` (already), or `expired` / `invalid`.
 */
export async function useToken(store: Store, token: string): Promise<TokenLookup> {
  if (!TOKEN_SHAPE.test(token)) return { kind: 'invalid' };
  const hash = tokenHash(token);
  const used = await store.db.transaction(async (tx) => {
    const [row] = await tx.query<{ signature_id: number }>(
      `UPDATE consent_tokens SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING signature_id`,
      [hash],
    );
    if (!row) return false;
    const confirmed = await tx.query<{ consent_id: string }>(
      `UPDATE consents SET state = 'confirmed', confirmed_at = now() WHERE signature_id = $1 AND state = 'pending' RETURNING consent_id`,
      [row.signature_id],
    );
    // The organisation's systems are told, through the relay's outbox, in this transaction (src/relay-queue.ts).
    if (confirmed.length > 0)
      await enqueueConfirmations(
        tx,
        row.signature_id,
        confirmed.map((consent) => consent.consent_id),
      );
    return confirmed.length > 0;
  });
  const found = await lookUpToken(store, token);
  if (used && found.kind !== 'invalid') return { kind: 'done', locale: found.locale, title: found.title };
  return found;
}

// ---------------------------------------------------------------------------------------------
// What is sent

export interface ComposedMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
}

/** The mail of one signature: in its signer's language, with the confirmation link when one is given. */
export function composeMail(input: {
  signature: ExportedSignature;
  title: string;
  from: string;
  messageId: string;
  link?: { url: string; expiresAt: Date } | undefined;
}): ComposedMail {
  const { signature, title, link } = input;
  const language: Language = catalogLanguage(signature.locale);
  const words = mailMessages[language];
  const locale = canonicalLocale(signature.locale) ?? language;
  const values = { title, name: signature.givenName };
  const paragraphs = [interpolate(words.greeting, values), interpolate(words.thanks, values)];
  if (link) {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(link.expiresAt);
    paragraphs.push(`${interpolate(words.confirmIntro, { date })}\n${link.url}`, words.confirmIgnore);
  }
  paragraphs.push(words.signoff);
  return {
    from: input.from,
    to: signature.email,
    subject: interpolate(words.subject, values),
    text: `${paragraphs.join('\n\n')}\n`,
    messageId: input.messageId,
    headers: { 'Content-Language': locale, 'Auto-Submitted': 'auto-generated' },
  };
}

// ---------------------------------------------------------------------------------------------
// The worker

interface Claimed {
  outboxId: number;
  signatureId: number;
  petitionId: string;
  messageId: string;
  attempts: number;
}

export class MailWorker {
  readonly #owner = randomUUID();
  readonly #options: Required<Omit<MailOptions, 'publicUrl'>> & { publicUrl: string | undefined };
  readonly #transport: Transporter<SMTPTransport.SentMessageInfo, SMTPTransport.Options>;
  readonly #loop: PollLoop;
  /** Mails accepted by the SMTP server from this process. */
  delivered = 0;

  constructor(
    private readonly store: Store,
    options: MailOptions,
    private readonly logger: Logger,
  ) {
    this.#options = { ...mailDefaults, ...options, publicUrl: options.publicUrl };
    const timeout = this.#options.timeoutMs;
    this.#transport = nodemailer.createTransport({
      ...smtpSecurity(options.smtpUrl),
      url: options.smtpUrl,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    this.#loop = new PollLoop(() => this.tick(), this.#options.pollMs, logger, 'mail');
  }

  /** Where the links point: the configured public URL, else (set by startServer) the address the server listens on. */
  get publicUrl(): string | undefined {
    return this.#options.publicUrl;
  }

  set publicUrl(url: string | undefined) {
    this.#options.publicUrl ??= url;
  }

  get leaseMs(): number {
    return leaseMs(this.#options.timeoutMs);
  }

  start(): void {
    this.#loop.start(this.store.db, 'UPDATE mail_outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL');
  }

  /** Up to 20 due mails, one after the other; resolves with whether any was due. Stops at the first failure. */
  async tick(): Promise<boolean> {
    let any = false;
    for (let sent = 0; sent < 20 && !this.#loop.stopped; sent++) {
      const claimed = await this.#claim();
      if (!claimed) return any;
      any = true;
      if (!(await this.#send(claimed))) return any;
    }
    return any;
  }

  /** Stops taking mails; the one in flight finishes (its SMTP steps time out), then the transport is closed. */
  async stop(): Promise<void> {
    await this.#loop.stop();
    this.#transport.close();
  }

  /** The oldest due mail that no process holds, its attempt counted and leased before it is sent. */
  async #claim(): Promise<Claimed | undefined> {
    const [row] = await this.store.db.query<{
      id: number;
      signature_id: number;
      petition_id: string;
      message_id: string;
      attempts: number;
    }>(
      `UPDATE mail_outbox m SET attempts = attempts + 1, last_attempt_at = now(), lease_owner = $1,
              lease_until = now() + $2 * interval '1 millisecond'
        WHERE m.id = (SELECT id FROM mail_outbox
                       WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
                         AND (lease_until IS NULL OR lease_until < now())
                       ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING m.id, m.signature_id, (SELECT s.petition_id FROM signatures s WHERE s.id = m.signature_id) AS petition_id,
                  m.message_id::text AS message_id, m.attempts`,
      [this.#owner, this.leaseMs],
    );
    return (
      row && {
        outboxId: Number(row.id),
        signatureId: Number(row.signature_id),
        petitionId: row.petition_id,
        messageId: row.message_id,
        attempts: row.attempts,
      }
    );
  }

  async #send(claimed: Claimed): Promise<boolean> {
    const db = this.store.db;
    const signature = await this.store.readSignature(claimed.petitionId, claimed.signatureId);
    const petition = signature && (await this.store.getPetition(claimed.petitionId));
    if (!signature || !petition || !petition.mailSigners) {
      // Erased (its row, or its person's key, is gone), or its petition now sends its signers no mail (a mail
      // queued before the organiser said so is dropped, not sent): nothing to send, and nothing to keep.
      await db.query('DELETE FROM mail_outbox WHERE id = $1', [claimed.outboxId]);
      return true;
    }
    let token: Buffer | undefined;
    let failure: string | undefined;
    let final = false;
    try {
      let link: { url: string; expiresAt: Date } | undefined;
      if (signature.consents.some((consent) => consent.state === 'pending')) {
        const base = this.#options.publicUrl;
        if (!base) throw new MailError('no public URL for the confirmation link (AGIR_PUBLIC_URL)');
        const made = newToken();
        const expiresAt = new Date(Date.now() + this.#options.confirmTtlMs);
        await db.query('INSERT INTO consent_tokens (token_hash, signature_id, expires_at) VALUES ($1, $2, $3)', [
          made.hash,
          claimed.signatureId,
          expiresAt,
        ]);
        token = made.hash;
        const url = new URL('/confirm', base);
        url.searchParams.set('token', made.token);
        link = { url: url.href, expiresAt };
      }
      const host = new URL(this.#options.publicUrl ?? 'http://agir.invalid').hostname;
      const mail = composeMail({
        signature,
        title: petition.title,
        from: this.#options.from,
        messageId: `<${claimed.messageId}@${host}>`,
        link,
      });
      await this.#transport.sendMail(mail);
    } catch (error) {
      ({ failure, final } = describe(error));
    }
    if (failure === undefined) {
      await db.query(
        'UPDATE mail_outbox SET delivered_at = now(), last_error = NULL, lease_owner = NULL, lease_until = NULL WHERE id = $1',
        [claimed.outboxId],
      );
      this.delivered++;
      return true;
    }
    if (token) await db.query('DELETE FROM consent_tokens WHERE token_hash = $1', [token]);
    const delay = backoffMs(claimed.attempts, this.#options.minDelayMs, this.#options.maxDelayMs);
    await db.query(
      `UPDATE mail_outbox SET last_error = $2, lease_owner = NULL, lease_until = NULL,
              next_attempt_at = now() + $3 * interval '1 millisecond', failed_at = CASE WHEN $4::boolean THEN now() END WHERE id = $1`,
      [claimed.outboxId, failure.slice(0, 300), delay, final],
    );
    return final; // a refused address does not stop the others; a server that is down does
  }
}

/**
 * `smtp://` to another machine must switch to TLS (STARTTLS) or not send: a signer's address, name and petition
 * never cross a network in clear because a server (or someone on the path) left STARTTLS out. A loopback host
 * (a local relay) may talk plain SMTP; the URL's own `?requireTLS=false` says otherwise (nodemailer reads it
 * over these options). `smtps://` is TLS from the start.
 */
export function smtpSecurity(smtpUrl: string): { requireTLS: boolean } {
  const { protocol, hostname } = new URL(smtpUrl);
  return { requireTLS: protocol === 'smtp:' && !isLoopback(hostname) };
}

/** A failure whose message is safe to store and show (no address, no secret). */
class MailError extends Error {}

/** An SMTP failure in words fit for `mail status`: the answer's code or the network error's code, never its text. */
function describe(error: unknown): { failure: string; final: boolean } {
  if (error instanceof MailError) return { failure: error.message, final: false };
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  if (code === 'ETLS')
    return { failure: 'no TLS: the SMTP server did not start TLS (STARTTLS), and nothing is sent in clear', final: false };
  if (typeof responseCode === 'number') {
    const final = responseCode >= 500 && (code === 'EENVELOPE' || code === 'EMESSAGE');
    return { failure: `SMTP ${responseCode}${typeof code === 'string' ? ` ${code}` : ''}${final ? ' (refused for good)' : ''}`, final };
  }
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const network = typeof code === 'string' ? code : typeof cause?.code === 'string' ? cause.code : undefined;
  return { failure: network ? `network error ${network}` : `error ${(error as Error).name ?? 'Error'}`, final: false };
}

/** Per state, how many mails (the `mail status` command). */
export async function mailStatus(
  store: Store,
): Promise<{ delivered: number; pending: number; failed: number; nextAttemptAt: Date | null; lastError: string | null }> {
  const [row] = await store.db.query<{
    delivered: number;
    pending: number;
    failed: number;
    next_attempt_at: Date | null;
    last_error: string | null;
  }>(
    `SELECT count(*) FILTER (WHERE delivered_at IS NOT NULL)::int AS delivered,
            count(*) FILTER (WHERE delivered_at IS NULL AND failed_at IS NULL)::int AS pending,
            count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS failed,
            min(next_attempt_at) FILTER (WHERE delivered_at IS NULL AND failed_at IS NULL) AS next_attempt_at,
            (SELECT last_error FROM mail_outbox WHERE delivered_at IS NULL AND last_error IS NOT NULL ORDER BY last_attempt_at DESC LIMIT 1) AS last_error
       FROM mail_outbox`,
  );
  return {
    delivered: row?.delivered ?? 0,
    pending: row?.pending ?? 0,
    failed: row?.failed ?? 0,
    nextAttemptAt: row?.next_attempt_at ?? null,
    lastError: row?.last_error ?? null,
  };
}
