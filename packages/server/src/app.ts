/**
 * The routes: the contract's API under /api/v1, the CDN build under /cdn/, the demo at /.
 * Requests are checked and responses built with @agir/core's schemas.
 */
import { createHash } from 'node:crypto';
import {
  caseListSchema,
  caseSchema,
  errorBodySchema,
  fieldErrors,
  healthSchema,
  idSchema,
  localeSchema,
  petitionSchema,
  signatureRequestSchema,
  signatureResponseSchema,
  type ErrorCode,
  type SignatureRequest,
} from '@agir/core';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DEFAULT_DEMO_CSP, defaults, type ServerOptions } from './config.js';
import { openDatabase } from './db.js';
import { errorRedirect, formFields, formToRequest, safeRedirect } from './form.js';
import { createLogger, type Logger } from './log.js';
import './messages.js';
import { migrate } from './migrate.js';
import { API_CSP, clientKey, cors, normaliseOrigin, securityHeaders, TokenBuckets } from './security.js';
import { seedDatabase } from './seed.js';
import { countEvent, CountHub, MAX_STREAM_PETITIONS, petitionCountEvent, type Listener } from './sse.js';
import { contentType, etagMatches, representation, resolveStatic } from './static.js';
import { compression } from './compress.js';
import { Store, type Counts, type PetitionRecord, type SignOutcome } from './store.js';

export interface AppStats {
  /** Petitions with live listeners: one change source (emitter + poller) each. */
  readonly changeSources: number;
  /** Listeners of the hub: one per petition of each open server-sent event stream. */
  readonly sseListeners: number;
  /** Open server-sent event connections (a stream of several petitions is one). */
  readonly sseConnections: number;
}

export type AgirApp = Hono & {
  readonly stats: AppStats;
  readonly store: Store;
  /** Ends the event streams (their clients reconnect elsewhere). */
  closeStreams(): void;
  /** Ends the event streams and closes the database. */
  close(): Promise<void>;
};

const PETITION_CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=30';
const CASE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';
/** A stream whose client stopped reading for this many events is dropped. */
const MAX_QUEUED_EVENTS = 100;

/** Opens the database, applies the migrations, seeds when asked, and builds the app. */
export async function createApp(options: ServerOptions = {}): Promise<AgirApp> {
  const logger = createLogger(options.log);
  const db = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir ?? defaults.dataDir,
    onError: (error) => logger.error('database', error),
  });
  const store = new Store(db);
  try {
    await migrate(db);
    if (options.seed) await seedDatabase(store);
  } catch (error) {
    await db.close();
    throw error;
  }
  return buildApp(store, options, logger);
}

interface PetitionView {
  record: PetitionRecord;
  body: string;
  etag: string;
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
}

function viewOf(record: PetitionRecord): PetitionView {
  const body = JSON.stringify(
    petitionSchema.parse({
      id: record.id,
      title: record.title,
      status: record.status,
      signatureCount: record.signatureCount,
      countryCount: record.countryCount,
      goal: record.goal,
      updatedAt: record.updatedAt.toISOString(),
      locale: record.locale,
    }),
  );
  return { record, body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

/** A contract error body (errorBodySchema) with its status. */
function problem(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string, fields?: Record<string, string>): Response {
  const trimmed = fields && Object.fromEntries(Object.entries(fields).map(([path, text]) => [path.slice(0, 200), text.slice(0, 200)]));
  return c.json(errorBodySchema.parse({ error: { code, message, ...(trimmed ? { fields: trimmed } : {}) } }), status);
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
  const rateLimit = options.rateLimit ?? defaults.rateLimit;
  const limiter = rateLimit === false ? undefined : new TokenBuckets(rateLimit);
  const minFillMs = options.minFillMs ?? defaults.minFillMs;
  const petitions = new PetitionCache(store, options.petitionCacheMs ?? defaults.petitionCacheMs);
  const hub = new CountHub({
    readCounts: (id) => store.getCounts(id),
    minIntervalMs: options.sse?.minIntervalMs ?? defaults.minIntervalMs,
    heartbeatMs: options.sse?.heartbeatMs ?? defaults.heartbeatMs,
    // PGlite is one process: the in-process notifications see every write. PostgreSQL may be shared.
    pollMs: options.sse?.pollMs ?? (store.db.kind === 'postgres' ? defaults.pollMs : false),
    onError: (error) => logger.error('sse', error),
  });
  const maxStreams = options.sse?.maxStreams ?? defaults.maxStreams;
  const maxStreamsPerClient = options.sse?.maxStreamsPerClient ?? defaults.maxStreamsPerClient;
  const streamsByClient = new Map<string, number>();
  let connections = 0;
  const limitBody = bodyLimit({
    maxSize: options.bodyLimitBytes ?? defaults.bodyLimitBytes,
    onError: (c) =>
      problem(c, 413, 'too_large', `The request body is larger than ${options.bodyLimitBytes ?? defaults.bodyLimitBytes} bytes.`),
  });

  /** A 429 when the client's bucket is empty, else undefined. */
  const rateLimited = (c: Context): { retryAfterSeconds: number } | undefined => {
    const result = limiter?.take(clientKey(c, options.trustProxy ?? false));
    return result && !result.ok ? result : undefined;
  };

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
    if (outcome.kind === 'created') {
      petitions.invalidate(petitionId);
      hub.notify(petitionId);
    }
    return outcome;
  };

  const answer = (c: Context, outcome: SignOutcome): Response => {
    switch (outcome.kind) {
      case 'not_found':
        return notFound(c, 'petition');
      case 'closed':
        return problem(c, 409, 'closed', 'This petition is closed.');
      case 'created':
        return c.json(signatureResponseSchema.parse({ signatureCount: outcome.counts.signatureCount, duplicate: false }), 201);
      case 'suspect': // looks like any new signature to the sender
        return c.json(signatureResponseSchema.parse({ signatureCount: outcome.signatureCount, duplicate: false }), 201);
      case 'duplicate':
        return c.json(signatureResponseSchema.parse({ signatureCount: outcome.signatureCount, duplicate: true }), 200);
    }
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

  api.get('/health', async (c) => {
    await store.db.query('SELECT 1');
    return c.json(healthSchema.parse({ ok: true }));
  });

  api.get('/petitions/:id', async (c) => {
    const id = c.req.param('id');
    const view = validId(id) ? await petitions.get(id) : undefined;
    if (!view) return notFound(c, 'petition');
    c.header('Cache-Control', PETITION_CACHE_CONTROL);
    c.header('ETag', view.etag);
    if (etagMatches(c.req.header('if-none-match'), view.etag)) return c.body(null, 304);
    return c.body(view.body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  /**
   * Opens a server-sent event stream on the given petitions: one connection, one listener per petition in
   * the hub, `count` events written by `event` (the petition's own stream: its counts; the stream of
   * several: the id with the counts). Heartbeats come from the first petition's channel only.
   */
  const openStream = (c: Context, views: readonly PetitionView[], event: (petition: string, counts: Counts) => string): Response => {
    const client = clientKey(c, options.trustProxy ?? false);
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
            { signatureCount: record.signatureCount, countryCount: record.countryCount },
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

  api.post('/petitions/:id/signatures', limitBody, async (c) => {
    const id = c.req.param('id');
    const limited = rateLimited(c);
    if (limited) {
      c.header('Retry-After', String(limited.retryAfterSeconds));
      return problem(c, 429, 'rate_limited', 'Too many signatures from this address: try again later.');
    }
    if (!isJson(c.req.header('content-type')))
      return problem(c, 415, 'validation', 'Send the signature as JSON (Content-Type: application/json).');
    let payload: unknown;
    try {
      payload = await c.req.json();
    } catch {
      return problem(c, 422, 'validation', 'The body is not valid JSON.', { '(root)': 'invalid JSON' });
    }
    const parsed = signatureRequestSchema.safeParse(payload);
    if (!parsed.success) return problem(c, 422, 'validation', 'Some fields are invalid.', fieldErrors(parsed.error.issues));
    if (!validId(id)) return notFound(c, 'petition');
    return answer(c, await submit(id, parsed.data, true));
  });

  api.post('/petitions/:id/signatures/form', limitBody, async (c) => {
    const id = c.req.param('id');
    const limited = rateLimited(c);
    const view = validId(id) ? await petitions.get(id) : undefined;
    const ownOrigin = new URL(c.req.url).origin;
    const allowed = new Set([...redirectOrigins, ...(view?.record.corsOrigins ?? [])]);
    if (!isForm(c.req.header('content-type')))
      return problem(c, 415, 'validation', 'Send the form as application/x-www-form-urlencoded or multipart/form-data.');
    let fields: Record<string, string>;
    try {
      fields = formFields(await c.req.parseBody());
    } catch {
      return problem(c, 422, 'validation', 'The form body could not be read.');
    }
    const thanks = fields.redirect ? safeRedirect(fields.redirect, ownOrigin, allowed) : undefined;
    if (fields.redirect && !thanks)
      return problem(c, 422, 'validation', 'The redirect URL is not allowed.', { redirect: 'origin not allowed' });
    const back = fields.error_redirect ? safeRedirect(fields.error_redirect, ownOrigin, allowed) : undefined;
    if (fields.error_redirect && !back)
      return problem(c, 422, 'validation', 'The error_redirect URL is not allowed.', { error_redirect: 'origin not allowed' });
    const referer = c.req.header('referer');
    const refererUrl = referer ? safeRedirect(referer, ownOrigin, allowed) : undefined;
    const errorTarget = back ?? refererUrl;

    const fail = (status: ContentfulStatusCode, code: ErrorCode, message: string, invalid?: Record<string, string>): Response =>
      errorTarget
        ? c.redirect(errorRedirect(errorTarget, code, Object.keys(invalid ?? {})), 303)
        : problem(c, status, code, message, invalid);

    if (limited) {
      c.header('Retry-After', String(limited.retryAfterSeconds));
      return fail(429, 'rate_limited', 'Too many signatures from this address: try again later.');
    }
    if (!view) return fail(404, 'not_found', 'No such petition.');
    const { request, judgeFillTime } = formToRequest(fields, {
      locale: view.record.locale,
      sourceUrl: referer && /^https?:\/\//i.test(referer) ? referer.slice(0, 2048) : `${ownOrigin}/`,
      now: new Date(),
    });
    const parsed = signatureRequestSchema.safeParse(request);
    if (!parsed.success) return fail(422, 'validation', 'Some fields are invalid.', fieldErrors(parsed.error.issues));
    const outcome = await submit(id as string, parsed.data, judgeFillTime);
    if (outcome.kind === 'closed' || outcome.kind === 'not_found') {
      return fail(
        outcome.kind === 'closed' ? 409 : 404,
        outcome.kind,
        outcome.kind === 'closed' ? 'This petition is closed.' : 'No such petition.',
      );
    }
    const done = thanks ?? refererUrl;
    if (!done) return answer(c, outcome);
    if (!thanks) done.searchParams.set('agir_status', outcome.kind === 'duplicate' ? 'duplicate' : 'signed');
    return c.redirect(done.href, 303);
  });

  api.get('/cases/:id', async (c) => {
    const id = c.req.param('id');
    const locale = c.req.query('locale');
    if (locale !== undefined && !localeSchema.safeParse(locale).success)
      return problem(c, 422, 'validation', 'Invalid locale.', { locale: 'expected a BCP 47 language tag' });
    const data = validId(id) ? await store.getCase(id, locale) : undefined;
    if (!data) return notFound(c, 'case');
    c.header('Cache-Control', CASE_CACHE_CONTROL);
    return c.json(caseSchema.parse(data));
  });

  api.get('/cases', async (c) => {
    const tag = c.req.query('tag');
    const locale = c.req.query('locale');
    const invalid: Record<string, string> = {};
    if (tag !== undefined && !idSchema.safeParse(tag).success) invalid.tag = 'expected an id';
    if (locale !== undefined && !localeSchema.safeParse(locale).success) invalid.locale = 'expected a BCP 47 language tag';
    if (Object.keys(invalid).length > 0) return problem(c, 422, 'validation', 'Invalid query.', invalid);
    c.header('Cache-Control', CASE_CACHE_CONTROL);
    return c.json(caseListSchema.parse({ items: await store.listCases({ tag, locale }) }));
  });

  app.route('/api/v1', api);

  // -- static: the CDN build and the demo ----------------------------------------------------
  const cdnDir = options.staticDirs?.cdn === undefined ? defaults.cdnDir : options.staticDirs.cdn;
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
    },
    store,
    closeStreams: () => hub.close(),
    async close() {
      hub.close();
      await store.db.close();
    },
  });
}
