/**
 * The routes: the contract's API under /api/v1, the embed pages and oEmbed (embed.ts), the CDN build under /cdn/, the demo at /.
 * Requests are checked and responses built with @agir/core's schemas.
 */
import { createHash } from 'node:crypto';
import {
  caseListSchema,
  caseSchema,
  CLEAN_TEXT_MESSAGE,
  errorBodySchema,
  fieldErrors,
  healthSchema,
  idSchema,
  isCleanText,
  localeSchema,
  petitionSchema,
  signatureRequestSchema,
  signatureResponseSchema,
  sourcePageUrl,
  type ErrorCode,
  type SignatureRequest,
} from '@agir/core';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DEFAULT_DEMO_CSP, defaults, type RateLimitOptions, type ServerOptions } from './config.js';
import { errorRedirect, formFields, formToRequest, safeRedirect } from './form.js';
import { createLogger, type Logger } from './log.js';
import './messages.js';
import { openStore } from './open.js';
import { checkOperatorToken, operatorRoutes } from './operator.js';
import { confirmRoutes } from './confirm.js';
import { checkMailOptions, MailWorker } from './mail.js';
import { readOptIn, recordOptIn } from './opt-in.js';
import { actionNetworkReader } from './actionnetwork.js';
import { RelayWorker } from './relay.js';
import { API_CSP, clientKey, cors, normaliseOrigin, securityHeaders, TokenBuckets, type TakeResult } from './security.js';
import { negotiate, wishes } from './negotiate.js';
import { seedDatabase } from './seed.js';
import { countEvent, CountHub, MAX_STREAM_PETITIONS, petitionCountEvent, type Listener } from './sse.js';
import { contentType, etagMatches, representation, resolveStatic } from './static.js';
import { compression } from './compress.js';
import { embedRoutes } from './embed.js';
import type { Counts, PetitionRecord, SignOutcome, Store } from './store.js';

export interface AppStats {
  /** Petitions with live listeners: one change source (emitter + poller) each. */
  readonly changeSources: number;
  /** Listeners of the hub: one per petition of each open server-sent event stream. */
  readonly sseListeners: number;
  /** Open server-sent event connections (a stream of several petitions is one). */
  readonly sseConnections: number;
  /**
   * PostgreSQL: whether this process LISTENs to the count notifications now, and how many times it put
   * LISTEN in place (1, +1 per lost connection replaced). PGlite: false and 0.
   */
  readonly listening: boolean;
  readonly listenConnections: number;
}

export type AgirApp = Hono & {
  readonly stats: AppStats;
  readonly store: Store;
  /** Ends the event streams (their clients reconnect elsewhere). */
  closeStreams(): void;
  /** Ends the event streams and closes the database. */
  close(): Promise<void>;
  /** The relay worker (createApp() only, unless `relay: false`). */
  readonly relay?: RelayWorker;
  /** The mail worker (createApp() only, when `mail` is given). */
  readonly mail?: MailWorker;
};

/** The channel of migrations/005's notifications: a petition's counts, goal or baseline changed (payload: its id). */
const COUNTS_CHANNEL = 'agir_counts';

const PETITION_CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=30';
const CASE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';
/** A stream whose client stopped reading for this many events is dropped. */
const MAX_QUEUED_EVENTS = 100;

/** Opens the database, applies the migrations, seeds when asked, and builds the app. */
export async function createApp(options: ServerOptions = {}): Promise<AgirApp> {
  const logger = createLogger(options.log);
  if (options.operatorToken) checkOperatorToken(options.operatorToken); // before the database is opened
  const mailProblem = options.mail ? checkMailOptions(options.mail) : undefined;
  if (mailProblem) throw new Error(`Email: ${mailProblem}.`);
  const notice = options.onNotice ?? ((message: string) => void process.stderr.write(message));
  const store = await openStore({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir ?? defaults.dataDir,
    dataKey: options.dataKey,
    keyDir: options.keyDir,
    onNotice: notice,
    onError: (error) => logger.error('database', error),
  });
  try {
    if (options.seed) await seedDatabase(store);
  } catch (error) {
    await store.db.close();
    throw error;
  }
  const app = buildApp(store, options, logger);
  // The workers (src/relay.ts, src/mail.ts) live with the server that opened the store, and stop before it closes.
  const relay = options.relay === false ? undefined : new RelayWorker(store, options.relay ?? {}, logger);
  // Double opt-in is the database's (src/opt-in.ts): recorded by a start with SMTP, kept by one without.
  try {
    if (options.mail) await recordOptIn(store.db, 'double');
    store.mailEnabled = (await readOptIn(store.db)) === 'double';
  } catch (error) {
    await app.close();
    throw error;
  }
  if (options.mail === undefined)
    notice(
      store.mailEnabled
        ? 'No SMTP_URL, but this database runs double opt-in (a server with SMTP started on it): confirmation emails wait in the outbox for a server with SMTP, and the relay subscribes nobody until they confirm; "agir-server mail opt-in single" to stop (docs/server.md, "Confirmation email").\n'
        : 'No SMTP_URL: no confirmation email is sent, and granted consents stay "pending" (docs/server.md, "Confirmation email").\n',
    );
  const mail = options.mail ? new MailWorker(store, options.mail, logger) : undefined;
  relay?.start();
  mail?.start();
  const closeApp = app.close.bind(app);
  return Object.assign(app, {
    ...(relay ? { relay } : {}),
    ...(mail ? { mail } : {}),
    async close() {
      await Promise.all([relay?.stop(), mail?.stop()]);
      await closeApp();
    },
  });
}

interface PetitionView {
  record: PetitionRecord;
  /** The petition's JSON in one of its languages, and its ETag (one per language). */
  in(locale: string): { body: string; etag: string };
}

/** Petition reads, reused for `ttlMs` (and shared while in flight); dropped at once by local writes. */
class PetitionCache {
  readonly #entries = new Map<string, { at: number; view: Promise<PetitionView | undefined> }>();

  constructor(
    private readonly store: Store,
    private readonly ttlMs: number,
  ) {}

  get(id: string): Promise<PetitionView | undefined> {
    const now = Date.now();
    const entry = this.#entries.get(id);
    if (entry && now - entry.at < this.ttlMs) return entry.view;
    if (this.#entries.size > 10_000) this.#entries.clear(); // bounded, whatever ids are asked for
    const view = this.store.getPetition(id).then((record) => record && viewOf(record));
    this.#entries.set(id, { at: now, view });
    view.catch(() => {
      if (this.#entries.get(id)?.view === view) this.#entries.delete(id); // a failed read is not kept
    });
    return view;
  }

  invalidate(id: string): void {
    this.#entries.delete(id);
  }

  clear(): void {
    this.#entries.clear();
  }
}

function viewOf(record: PetitionRecord): PetitionView {
  const made = new Map<string, { body: string; etag: string }>();
  return {
    record,
    in(locale) {
      const known = made.get(locale);
      if (known) return known;
      const texts = record.translations.find((item) => item.locale === locale) ?? record;
      const body = JSON.stringify(
        petitionSchema.parse({
          id: record.id,
          title: texts.title,
          ...(texts.description === null ? {} : { description: texts.description }),
          ...(texts.shareText === null ? {} : { shareText: texts.shareText }),
          status: record.status,
          signatureCount: record.signatureCount,
          countryCount: record.countryCount,
          goal: record.goal,
          updatedAt: record.updatedAt.toISOString(),
          locale: texts === record ? record.locale : locale,
        }),
      );
      const view = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
      made.set(locale, view);
      return view;
    },
  };
}

/**
 * A weak ETag: the cases' answers may be long enough to be compressed (src/compress.ts), and a weak validator
 * holds for every encoding of the same JSON (RFC 9110, 8.8.1).
 */
const weakTag = (body: string): string => `W/"${createHash('sha1').update(body).digest('base64url')}"`;

/** The languages a request wishes for (src/negotiate.ts), or the 422 answer to an invalid `?locale=`. */
function wishedLocales(c: Context): string[] | Response {
  const locale = c.req.query('locale');
  if (locale !== undefined && !localeSchema.safeParse(locale).success)
    return problem(c, 422, 'validation', 'Invalid locale.', { locale: 'expected a BCP 47 language tag' });
  return wishes(locale, c.req.header('accept-language'));
}

/**
 * A JSON answer in a negotiated language: Content-Language, `Vary: Accept-Language` (the header may choose
 * the language when `?locale=` does not), an ETag per language and its 304.
 */
function negotiated(c: Context, body: string, locale: string | undefined, etag: string | ((body: string) => string)) {
  if (typeof etag === 'function') etag = etag(body);
  if (locale) c.header('Content-Language', locale);
  c.header('Vary', 'Accept-Language', { append: true });
  c.header('ETag', etag);
  if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
}

/** A contract error body (errorBodySchema) with its status. */
function problem(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string, fields?: Record<string, string>): Response {
  const trimmed = fields && Object.fromEntries(Object.entries(fields).map(([path, text]) => [path.slice(0, 200), text.slice(0, 200)]));
  return c.json(errorBodySchema.parse({ error: { code, message, ...(trimmed ? { fields: trimmed } : {}) } }), status);
}

type Refused = { retryAfterSeconds: number };
const refused = (result: TakeResult | undefined): Refused | undefined => (result && !result.ok ? result : undefined);
/** 429 `rate_limited` with Retry-After. */
const tooMany = (c: Context, limited: Refused, message: string): Response => {
  c.header('Retry-After', String(limited.retryAfterSeconds));
  return problem(c, 429, 'rate_limited', message);
};

/** The three kinds of buckets of `options.rateLimit` (see RateLimits in config.ts). */
function rateLimits(option: ServerOptions['rateLimit']): { sign?: TokenBuckets; junk?: TokenBuckets; read?: TokenBuckets } {
  if (option === false) return {};
  const given = option === undefined ? {} : 'capacity' in option ? { sign: option, junk: option } : option;
  const make = (value: RateLimitOptions | false | undefined, fallback: RateLimitOptions) =>
    value === false ? undefined : new TokenBuckets(value ?? fallback);
  return {
    sign: make(given.sign, defaults.rateLimit),
    junk: make(given.junk, defaults.junkRateLimit),
    read: make(given.read, defaults.readRateLimit),
  };
}

const notFound = (c: Context, what = 'resource') => problem(c, 404, 'not_found', `No such ${what}.`);
const validId = (id: string | undefined): id is string => id !== undefined && idSchema.safeParse(id).success;
const isJson = (type: string | undefined) => type !== undefined && /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(type);
const isForm = (type: string | undefined) =>
  type !== undefined && /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i.test(type);

export function buildApp(store: Store, options: ServerOptions, logger: Logger = createLogger(options.log)): AgirApp {
  const corsGlobal: readonly string[] | '*' =
    options.corsOrigins === undefined || options.corsOrigins === '*'
      ? '*'
      : (options.corsOrigins ?? []).map(normaliseOrigin).filter((origin): origin is string => origin !== undefined);
  const redirectOrigins = [...(options.redirectOrigins ?? []), ...(corsGlobal === '*' ? [] : corsGlobal)]
    .map(normaliseOrigin)
    .filter((origin): origin is string => origin !== undefined);
  const limits = rateLimits(options.rateLimit);
  const trustProxy = options.trustProxy ?? false;
  /** Petition and idempotency key of the requests answered lately: a replay is known before the database. */
  const answeredKeys = new Set<string>();
  const remember = (petitionId: string, key: string): void => {
    if (answeredKeys.size >= 50_000) answeredKeys.clear();
    answeredKeys.add(`${petitionId} ${key.toLowerCase()}`);
  };
  const minFillMs = options.minFillMs ?? defaults.minFillMs;
  const answerFloorMs = options.answerFloorMs ?? defaults.answerFloorMs;
  const petitions = new PetitionCache(store, options.petitionCacheMs ?? defaults.petitionCacheMs);
  // PGlite is one process: the in-process notifications see every write. PostgreSQL may be shared by
  // several processes: each LISTENs to the notifications every commit that changes counts raises
  // (migrations/005), and still reads watched petitions now and then, in case one was lost.
  const listen = options.sse?.listen !== false ? store.db.listen : undefined;
  const hub = new CountHub({
    readCounts: (id) => store.getCounts(id),
    minIntervalMs: options.sse?.minIntervalMs ?? defaults.minIntervalMs,
    heartbeatMs: options.sse?.heartbeatMs ?? defaults.heartbeatMs,
    pollMs: options.sse?.pollMs ?? (store.db.kind === 'postgres' ? (listen ? defaults.listenPollMs : defaults.pollMs) : false),
    onError: (error) => logger.error('sse', error),
  });
  const listening = listen?.call(store.db, COUNTS_CHANNEL, {
    onNotify: (petitionId) => {
      petitions.invalidate(petitionId);
      hub.notify(petitionId);
    },
    // (Re)connected: what was notified while no connection listened is lost; every watched petition is read again.
    onConnect: () => {
      petitions.clear();
      hub.notifyAll();
    },
    onError: (error) => logger.error('sse', error),
  });
  const maxStreams = options.sse?.maxStreams ?? defaults.maxStreams;
  const maxStreamsPerClient = options.sse?.maxStreamsPerClient ?? defaults.maxStreamsPerClient;
  const streamsByClient = new Map<string, number>();
  let connections = 0;
  /** Spends a token of the client's junk bucket; the refusal when it is empty. */
  const junkLimited = (client: string): Refused | undefined => refused(limits.junk?.take(client));
  const limitBody = bodyLimit({
    maxSize: options.bodyLimitBytes ?? defaults.bodyLimitBytes,
    onError: (c) => {
      const limited = junkLimited(clientKey(c, trustProxy));
      if (limited) return tooMany(c, limited, 'Too many invalid or repeated requests from this address: try again later.');
      return problem(c, 413, 'too_large', `The request body is larger than ${options.bodyLimitBytes ?? defaults.bodyLimitBytes} bytes.`);
    },
  });

  /** Why a submission looks automated, if it does: the honeypot was filled, or the form too fast. */
  const suspicion = (request: SignatureRequest, judgeFillTime: boolean): string | undefined => {
    if (request.client.trap !== '') return 'trap';
    const fillMs = Date.parse(request.client.submittedAt) - Date.parse(request.client.startedAt);
    if (judgeFillTime && fillMs < minFillMs) return 'too_fast';
    return undefined;
  };

  const submit = async (petitionId: string, request: SignatureRequest, judgeFillTime: boolean): Promise<SignOutcome> => {
    const reason = suspicion(request, judgeFillTime);
    const outcome = reason ? await store.recordSuspect(petitionId, request, reason) : await store.sign(petitionId, request);
    if (outcome.kind === 'created' || (outcome.kind === 'duplicate' && outcome.recounted)) {
      petitions.invalidate(petitionId);
      hub.notify(petitionId);
    }
    return outcome;
  };

  const answer = (c: Context, outcome: SignOutcome): Response => {
    if (outcome.kind === 'not_found') return notFound(c, 'petition');
    if (outcome.kind === 'closed') return problem(c, 409, 'closed', 'This petition is closed.');
    // Only the same submission retried (its random key, which only its own device knows) hears that it was
    // counted already. An email that signed before, like a submission judged automated, is answered as a new
    // signature with the real count (not one more): otherwise anyone could test whether an address signed.
    if (outcome.kind === 'duplicate' && outcome.reason === 'key')
      return c.json(signatureResponseSchema.parse({ signatureCount: outcome.signatureCount, duplicate: true }), 200);
    const signatureCount = outcome.kind === 'created' ? outcome.counts.signatureCount : outcome.signatureCount;
    return c.json(signatureResponseSchema.parse({ signatureCount, duplicate: false }), 201);
  };

  const app = new Hono();
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    logger.request({ method: c.req.method, path: c.req.path, status: c.res.status, ms: performance.now() - started });
  });
  app.use('*', securityHeaders);
  app.use('*', compression()); // finite answers (API JSON); static files and event streams see to themselves
  app.notFound((c) => notFound(c));
  app.onError((error, c) => {
    logger.error(`${c.req.method} ${c.req.path}`, error);
    return problem(c, 500, 'internal', 'Something went wrong on the server.');
  });

  // -- API ------------------------------------------------------------------------------------
  const api = new Hono();
  api.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', API_CSP);
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  api.use(
    '*',
    cors({
      global: corsGlobal,
      petitionOrigins: async (id) => (validId(id) ? ((await petitions.get(id))?.record.corsOrigins ?? []) : []),
    }),
  );

  // Reads have their own bucket per address: they never spend what signing needs (health checks are not limited).
  api.use('*', async (c, next) => {
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && c.req.path !== '/api/v1/health') {
      const limited = refused(limits.read?.take(clientKey(c, trustProxy)));
      if (limited) return tooMany(c, limited, 'Too many reads from this address: try again later, or put a CDN in front.');
    }
    await next();
  });

  api.get('/health', async (c) => {
    await store.db.query('SELECT 1');
    return c.json(healthSchema.parse({ ok: true }));
  });

  api.get('/petitions/:id', async (c) => {
    const id = c.req.param('id');
    const wished = wishedLocales(c);
    if (wished instanceof Response) return wished;
    const view = validId(id) ? await petitions.get(id) : undefined;
    if (!view) return notFound(c, 'petition');
    const { record } = view;
    const locale = negotiate([record.locale, ...record.translations.map((item) => item.locale)], wished, record.locale) ?? record.locale;
    const { body, etag } = view.in(locale);
    c.header('Cache-Control', PETITION_CACHE_CONTROL);
    return negotiated(c, body, locale, etag);
  });

  /**
   * Opens a server-sent event stream on the given petitions: one connection, one listener per petition in
   * the hub, `count` events written by `event` (the petition's own stream: its counts; the stream of
   * several: the id with the counts). Heartbeats come from the first petition's channel only.
   */
  const openStream = (c: Context, views: readonly PetitionView[], event: (petition: string, counts: Counts) => string): Response => {
    const client = clientKey(c, trustProxy);
    const held = streamsByClient.get(client) ?? 0;
    if (hub.listeners + views.length > maxStreams || held >= maxStreamsPerClient) {
      c.header('Retry-After', '30');
      return problem(c, 429, 'rate_limited', 'Too many open streams: poll the petition instead, or try again later.');
    }
    streamsByClient.set(client, held + 1);
    connections += 1;
    let released = false;
    const unsubscribes: Array<() => void> = [];
    const release = (): void => {
      if (released) return;
      released = true;
      connections -= 1;
      for (const unsubscribe of unsubscribes) unsubscribe();
      const left = (streamsByClient.get(client) ?? 1) - 1;
      if (left > 0) streamsByClient.set(client, left);
      else streamsByClient.delete(client);
    };
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        let open = true;
        const end = (): void => {
          if (!open) return;
          open = false;
          release();
          controller.close();
        };
        const write = (chunk: string): boolean => {
          if (!open) return false;
          if ((controller.desiredSize ?? 0) < -MAX_QUEUED_EVENTS) {
            end();
            return false;
          }
          controller.enqueue(encoder.encode(chunk));
          return true;
        };
        let first = 'retry: 3000\n\n';
        views.forEach(({ record }, index) => {
          const listener: Listener = {
            send: (chunk, counts) => (counts ? write(event(record.id, counts)) : index > 0 || write(chunk)),
            close: end,
          };
          const subscription = hub.subscribe(
            record.id,
            { signatureCount: record.signatureCount, countryCount: record.countryCount, goal: record.goal },
            listener,
          );
          unsubscribes.push(subscription.unsubscribe);
          first += event(record.id, subscription.counts);
        });
        controller.enqueue(encoder.encode(first));
        c.req.raw.signal.addEventListener('abort', end, { once: true });
      },
      cancel: release,
    });
    return new Response(stream, {
      headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' },
    });
  };

  api.get('/petitions/:id/stream', async (c) => {
    const id = c.req.param('id');
    const view = validId(id) ? await petitions.get(id) : undefined;
    if (!view) return notFound(c, 'petition');
    return openStream(c, [view], (_petition, counts) => countEvent(counts));
  });

  // Several petitions on one connection: a page with counters of many petitions holds one connection per
  // endpoint, not one per petition (over HTTP/1.1 a browser opens at most six per host).
  api.get('/stream', async (c) => {
    const ids = [...new Set((c.req.query('petitions') ?? '').split(',').filter(Boolean))];
    if (ids.length === 0 || ids.length > MAX_STREAM_PETITIONS || !ids.every(validId))
      return problem(c, 422, 'validation', `Name 1 to ${MAX_STREAM_PETITIONS} petition ids, comma-separated: ?petitions=a,b.`, {
        petitions: `expected 1 to ${MAX_STREAM_PETITIONS} comma-separated ids`,
      });
    const views = await Promise.all(ids.map((id) => petitions.get(id)));
    const missing = ids.filter((_id, index) => !views[index]);
    if (missing.length) return problem(c, 404, 'not_found', `No such petition: ${missing.join(', ')}.`);
    return openStream(c, views as PetitionView[], petitionCountEvent);
  });

  /**
   * Takes a well-formed signature through the buckets and the store: junk (judged automated, a replay of
   * an answered request, an unknown petition) spends the client's junk bucket, a signature to count its
   * (address, petition) signing bucket. Resolves with the outcome, or the refusal when a bucket is empty.
   */
  const take = async (
    client: string,
    petitionId: string,
    request: SignatureRequest,
    judgeFillTime: boolean,
  ): Promise<{ outcome: SignOutcome } | { limited: Refused; message: string }> => {
    const junkMessage = 'Too many invalid or repeated requests from this address: try again later.';
    const known = answeredKeys.has(`${petitionId} ${request.idempotencyKey.toLowerCase()}`);
    if (suspicion(request, judgeFillTime) !== undefined || known) {
      const limited = junkLimited(client);
      if (limited) return { limited, message: junkMessage };
      return { outcome: await submit(petitionId, request, judgeFillTime) };
    }
    const signBucket = `${client} ${petitionId}`;
    const limited = refused(limits.sign?.take(signBucket));
    if (limited) return { limited, message: 'Too many signatures from this address: try again later.' };
    const outcome = await submit(petitionId, request, judgeFillTime);
    if (outcome.kind === 'not_found' || (outcome.kind === 'duplicate' && outcome.reason === 'key')) {
      // Not a signature to count after all: it is charged as junk instead (it was answered already).
      limits.sign?.refund(signBucket);
      limits.junk?.take(client);
    }
    if (outcome.kind === 'created' || outcome.kind === 'duplicate') remember(petitionId, request.idempotencyKey);
    return { outcome };
  };

  /**
   * On a petition that counts submissions (its signers may be at risk), a signing answer leaves
   * `answerFloorMs` after its request arrived, whatever happened: writing an address that signed before
   * takes a few milliseconds less than a new one (PGlite, medians: 9.4 ms and 11.2 ms), and the answer's
   * time would tell what the count no longer does. Only work that took longer than the floor shows.
   */
  const atFloor = async (view: PetitionView | undefined, arrived: number): Promise<void> => {
    if (!view?.record.countRepeats) return;
    const wait = answerFloorMs - (performance.now() - arrived);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  };

  api.post('/petitions/:id/signatures', limitBody, async (c) => {
    const arrived = performance.now();
    const id = c.req.param('id');
    const client = clientKey(c, trustProxy);
    const junk = (respond: () => Response): Response => {
      const limited = junkLimited(client);
      return limited ? tooMany(c, limited, 'Too many invalid or repeated requests from this address: try again later.') : respond();
    };
    if (!isJson(c.req.header('content-type')))
      return junk(() => problem(c, 415, 'validation', 'Send the signature as JSON (Content-Type: application/json).'));
    let payload: unknown;
    try {
      payload = await c.req.json();
    } catch {
      return junk(() => problem(c, 422, 'validation', 'The body is not valid JSON.', { '(root)': 'invalid JSON' }));
    }
    const parsed = signatureRequestSchema.safeParse(payload);
    if (!parsed.success) return junk(() => problem(c, 422, 'validation', 'Some fields are invalid.', fieldErrors(parsed.error.issues)));
    if (!validId(id)) return junk(() => notFound(c, 'petition'));
    // Read before signing, while the petition's cached view still holds (a signature invalidates it).
    const view = await petitions.get(id).catch(() => undefined);
    const result = await take(client, id, parsed.data, true);
    if ('limited' in result) return tooMany(c, result.limited, result.message);
    await atFloor(view, arrived);
    return answer(c, result.outcome);
  });

  api.post('/petitions/:id/signatures/form', limitBody, async (c) => {
    const arrived = performance.now();
    const id = c.req.param('id');
    const client = clientKey(c, trustProxy);
    const view = validId(id) ? await petitions.get(id) : undefined;
    const ownOrigin = new URL(c.req.url).origin;
    const allowed = new Set([...redirectOrigins, ...(view?.record.corsOrigins ?? [])]);
    const junk = (respond: () => Response): Response => {
      const limited = junkLimited(client);
      return limited ? tooMany(c, limited, 'Too many invalid or repeated requests from this address: try again later.') : respond();
    };
    if (!isForm(c.req.header('content-type')))
      return junk(() => problem(c, 415, 'validation', 'Send the form as application/x-www-form-urlencoded or multipart/form-data.'));
    let fields: Record<string, string>;
    try {
      fields = formFields(await c.req.parseBody());
    } catch {
      return junk(() => problem(c, 422, 'validation', 'The form body could not be read.'));
    }
    const unreadable = Object.entries(fields).find(([name, value]) => !isCleanText(name) || !isCleanText(value));
    if (unreadable)
      return junk(() =>
        problem(c, 422, 'validation', 'Some fields are invalid.', {
          [isCleanText(unreadable[0]) ? unreadable[0] : '(field name)']: CLEAN_TEXT_MESSAGE,
        }),
      );
    const thanks = fields.redirect ? safeRedirect(fields.redirect, ownOrigin, allowed) : undefined;
    if (fields.redirect && !thanks)
      return junk(() => problem(c, 422, 'validation', 'The redirect URL is not allowed.', { redirect: 'origin not allowed' }));
    const back = fields.error_redirect ? safeRedirect(fields.error_redirect, ownOrigin, allowed) : undefined;
    if (fields.error_redirect && !back)
      return junk(() => problem(c, 422, 'validation', 'The error_redirect URL is not allowed.', { error_redirect: 'origin not allowed' }));
    const referer = c.req.header('referer');
    const refererUrl = referer ? safeRedirect(referer, ownOrigin, allowed) : undefined;
    const errorTarget = back ?? refererUrl;

    const fail = (status: ContentfulStatusCode, code: ErrorCode, message: string, invalid?: Record<string, string>): Response =>
      errorTarget
        ? c.redirect(errorRedirect(errorTarget, code, Object.keys(invalid ?? {})), 303)
        : problem(c, status, code, message, invalid);
    const limitedAnswer = (limited: Refused, message: string): Response => {
      c.header('Retry-After', String(limited.retryAfterSeconds));
      return fail(429, 'rate_limited', message);
    };
    const junkMessage = 'Too many invalid or repeated requests from this address: try again later.';
    const failJunk = (status: ContentfulStatusCode, code: ErrorCode, message: string, invalid?: Record<string, string>): Response => {
      const limited = junkLimited(client);
      return limited ? limitedAnswer(limited, junkMessage) : fail(status, code, message, invalid);
    };

    if (!view) return failJunk(404, 'not_found', 'No such petition.');
    const { request, judgeFillTime } = formToRequest(fields, {
      locale: view.record.locale,
      // Only the page's origin, path and tracking parameters: a prefilled page's query holds personal data.
      sourceUrl: referer && /^https?:\/\//i.test(referer) ? sourcePageUrl(referer) : `${ownOrigin}/`,
      now: new Date(),
    });
    const parsed = signatureRequestSchema.safeParse(request);
    if (!parsed.success) return failJunk(422, 'validation', 'Some fields are invalid.', fieldErrors(parsed.error.issues));
    const result = await take(client, id as string, parsed.data, judgeFillTime);
    if ('limited' in result) return limitedAnswer(result.limited, result.message);
    await atFloor(view, arrived);
    const { outcome } = result;
    if (outcome.kind === 'closed' || outcome.kind === 'not_found') {
      return fail(
        outcome.kind === 'closed' ? 409 : 404,
        outcome.kind,
        outcome.kind === 'closed' ? 'This petition is closed.' : 'No such petition.',
      );
    }
    const done = thanks ?? refererUrl;
    if (!done) return answer(c, outcome);
    const replay = outcome.kind === 'duplicate' && outcome.reason === 'key'; // not an email that signed before (see answer)
    if (!thanks) done.searchParams.set('agir_status', replay ? 'duplicate' : 'signed');
    return c.redirect(done.href, 303);
  });

  api.get('/cases/:id', async (c) => {
    const id = c.req.param('id');
    const wished = wishedLocales(c);
    if (wished instanceof Response) return wished;
    const data = validId(id) ? await store.getCase(id, wished) : undefined;
    if (!data) return notFound(c, 'case');
    const item = caseSchema.parse(data);
    c.header('Cache-Control', CASE_CACHE_CONTROL);
    return negotiated(c, JSON.stringify(item), item.locale, weakTag);
  });

  api.get('/cases', async (c) => {
    const tag = c.req.query('tag');
    const locale = c.req.query('locale');
    const invalid: Record<string, string> = {};
    if (tag !== undefined && !idSchema.safeParse(tag).success) invalid.tag = 'expected an id';
    if (locale !== undefined && !localeSchema.safeParse(locale).success) invalid.locale = 'expected a BCP 47 language tag';
    if (Object.keys(invalid).length > 0) return problem(c, 422, 'validation', 'Invalid query.', invalid);
    const list = caseListSchema.parse({ items: await store.listCases({ tag, locale: wishes(locale, c.req.header('accept-language')) }) });
    c.header('Cache-Control', CASE_CACHE_CONTROL);
    // Each case says its language; the list's Content-Language is theirs when they share one.
    const languages = new Set(list.items.map((item) => item.locale));
    return negotiated(c, JSON.stringify(list), languages.size === 1 ? [...languages][0] : undefined, weakTag);
  });

  // Action Network's counts, read with the key from the environment (actionnetwork.ts), in the contract's shape.
  const actionNetwork = actionNetworkReader(
    options.actionNetwork,
    options.onNotice ?? ((message: string) => void process.stderr.write(message)),
  );
  api.get('/actionnetwork/petitions/:id', async (c) => {
    const id = c.req.param('id');
    if (!validId(id)) return notFound(c, 'petition');
    const result = await actionNetwork.read(id);
    if ('status' in result) return problem(c, result.status, result.status === 404 ? 'not_found' : 'internal', result.message);
    c.header('Cache-Control', PETITION_CACHE_CONTROL);
    return c.json(result.petition);
  });

  // Operator routes for a team's dashboard (operator.ts): only with a token; without one, 404 like any unknown route.
  if (options.operatorToken)
    api.route(
      '/operator',
      operatorRoutes(store, options.operatorToken, {
        refuseJunk: (c) => {
          const limited = junkLimited(clientKey(c, trustProxy));
          return limited && tooMany(c, limited, 'Too many invalid or repeated requests from this address: try again later.');
        },
      }),
    );

  app.route('/api/v1', api);

  // The confirmation links of the emails (confirm.ts, mail.ts).
  app.route('/', confirmRoutes(store));

  const cdnDir = options.staticDirs?.cdn === undefined ? defaults.cdnDir : options.staticDirs.cdn;

  // -- embed pages and oEmbed (embed.ts): frameable by any site, for pages that strip scripts ---------------
  app.route(
    '/',
    embedRoutes(store, {
      petition: async (id) => (await petitions.get(id))?.record,
      cdn: Boolean(cdnDir),
      publicOrigin: options.publicUrl ? new URL(options.publicUrl).origin : undefined,
      privacyUrl: options.privacyUrl,
      limit: async (c, next) => {
        const limited = refused(limits.read?.take(clientKey(c, trustProxy)));
        if (limited) return tooMany(c, limited, 'Too many reads from this address: try again later, or put a CDN in front.');
        await next();
      },
    }),
  );

  // -- static: the CDN build and the demo ----------------------------------------------------
  const demoDir = options.staticDirs?.demo === undefined ? defaults.demoDir : options.staticDirs.demo;
  const demoCsp = options.demoCsp === undefined ? DEFAULT_DEMO_CSP : options.demoCsp;

  const serveFrom = (root: string, prefix: string, headers: (relative: string) => Record<string, string>) => async (c: Context) => {
    const relative = new URL(c.req.url).pathname.slice(prefix.length) || '/';
    const result = await resolveStatic(root, relative);
    if (result.kind === 'missing') return notFound(c, 'file');
    if (result.kind === 'redirect') return c.redirect(result.location, 301);
    const sent = await representation(result, c.req.header('accept-encoding'));
    const common = {
      ...headers(relative),
      ETag: sent.etag,
      'Last-Modified': result.lastModified,
      ...(sent.vary ? { Vary: 'Accept-Encoding' } : {}),
    };
    if (etagMatches(c.req.header('if-none-match'), sent.etag)) return c.body(null, 304, common);
    return c.body(sent.body, 200, {
      ...common,
      'Content-Type': contentType(result.file),
      ...(sent.encoding === 'identity' ? {} : { 'Content-Encoding': sent.encoding }),
      'Content-Length': String(sent.body.byteLength),
    });
  };

  if (cdnDir) {
    app.get('/cdn', (c) => c.redirect('/cdn/', 301));
    app.get(
      '/cdn/*',
      serveFrom(cdnDir, '/cdn', (relative) => ({
        'Cache-Control': relative.startsWith('/chunks/') ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        // Other sites load these scripts (module scripts are fetched in CORS mode).
        'Access-Control-Allow-Origin': '*',
        'Cross-Origin-Resource-Policy': 'cross-origin',
        // The build writes each script's map beside it without naming it in the file (bytes every reader would
        // download): devtools find it here, relative to the script.
        ...(relative.endsWith('.js') ? { SourceMap: `${relative.slice(relative.lastIndexOf('/') + 1)}.map` } : {}),
      })),
    );
  }
  if (demoDir) {
    app.get(
      '*',
      serveFrom(demoDir, '', () => ({
        'Cache-Control': 'no-cache',
        ...(demoCsp ? { 'Content-Security-Policy': demoCsp } : {}),
      })),
    );
  }

  return Object.assign(app, {
    stats: {
      get changeSources() {
        return hub.changeSources;
      },
      get sseListeners() {
        return hub.listeners;
      },
      get sseConnections() {
        return connections;
      },
      get listening() {
        return listening?.connected ?? false;
      },
      get listenConnections() {
        return listening?.connections ?? 0;
      },
    },
    store,
    closeStreams: () => hub.close(),
    async close() {
      hub.close();
      await listening?.close();
      await store.db.close();
    },
  });
}
