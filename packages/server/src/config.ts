/** The server's options, their defaults, and where the repository's static folders are. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MailOptions } from './mail.js';
import type { RelayOptions } from './relay.js';
import type { ActionNetworkReadOptions } from './actionnetwork.js';

/** The repository root (this file is packages/server/src/config.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface RateLimitOptions {
  /** Bucket size: requests a client address may send in a burst. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
}

/**
 * Three kinds of buckets, so that junk and reads never spend what signing needs:
 * - `sign`: well-formed signatures, one bucket per (client address, petition);
 * - `junk`: what is not a signature to count (invalid or unreadable bodies, unknown petitions, replays of
 *   an answered request, submissions judged automated), one bucket per client address;
 * - `read`: GET requests of the API (petitions, streams, cases, health), one bucket per client address.
 * `false` turns a kind off.
 */
export interface RateLimits {
  sign?: RateLimitOptions | false;
  junk?: RateLimitOptions | false;
  read?: RateLimitOptions | false;
}

export interface ServerOptions {
  /** Port to listen on; 0 picks a free one (default 8787). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** PostgreSQL URL; when set, PostgreSQL is used instead of PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data folder (default `.data/pglite` under the working directory). */
  dataDir?: string | undefined;
  /** The data key, base64 of 32 random bytes (AGIR_DATA_KEY); else `server.key` in the key folder. */
  dataKey?: string | undefined;
  /** The key folder (default `<data folder>.keys` for PGlite, `.data/keys` for PostgreSQL); never inside the data folder. */
  keyDir?: string | undefined;
  /** Messages for the operator (a data key created, rows encrypted at start); default: standard error. */
  onNotice?: ((message: string) => void) | undefined;
  /** Load the seed campaign (petition `xinjiang` and its cases) when the database has no petition. */
  seed?: boolean;
  /**
   * Origins allowed to sign from a browser page, on every petition: a list, or '*' for any (the default).
   * Public reads (counts, streams, cases) are open to every origin whatever this says.
   */
  corsOrigins?: readonly string[] | '*';
  /** Origins the form route may redirect to, on top of the server's own and the CORS allow-lists. */
  redirectOrigins?: readonly string[];
  /** Folders served at `/` (the demo) and `/cdn/` (the CDN build); null serves nothing there. */
  staticDirs?: { demo?: string | null; cdn?: string | null };
  /**
   * Token buckets (see RateLimits). One RateLimitOptions sets `sign` and `junk` (reads keep their default);
   * false turns every limit off. Defaults: sign 30 a minute, burst 30, per address and petition; junk
   * 30 a minute, burst 30, per address; read 1 200 a minute, burst 600, per address.
   */
  rateLimit?: RateLimitOptions | RateLimits | false;
  /** Largest request body accepted, in bytes (default 16 kB). */
  bodyLimitBytes?: number;
  /** A signature filled faster than this (submittedAt - startedAt) is judged automated (default 3000 ms). */
  minFillMs?: number;
  /**
   * On a petition that counts submissions (`--count submissions`), every signing answer leaves this long after
   * its request arrived (default 250 ms), so that its time does not tell whether the address had signed.
   */
  answerFloorMs?: number;
  /** Take the client address from the last X-Forwarded-For hop (only behind a proxy you run). */
  trustProxy?: boolean;
  /**
   * The server's public address (`https://agir.example.org`), where it is reached behind a TLS proxy: the
   * embed pages and oEmbed name their URLs with it and take only its URLs (default: the request's own origin).
   */
  publicUrl?: string;
  /** The organisation's privacy notice (`https://…`): the embed pages' petition forms link it. */
  privacyUrl?: string;
  /** Content-Security-Policy of the demo pages; false sends none. */
  demoCsp?: string | false;
  /** How long a petition read is reused before asking the database again, in ms (default 1000). */
  petitionCacheMs?: number;
  sse?: {
    /** Comment lines sent to keep idle connections open (default 15 000 ms). */
    heartbeatMs?: number;
    /** At most one `count` event per petition per this many ms (default 1000). */
    minIntervalMs?: number;
    /**
     * PostgreSQL: how often each watched petition's counter row is read, to see other processes' writes
     * should a notification be lost (default 30 000 while LISTEN is on, 1000 without; false: never).
     */
    pollMs?: number | false;
    /** PostgreSQL: LISTEN to the count notifications of every process (default true; false: polling only). */
    listen?: boolean;
    /** Open streams allowed in this process (default 10 000); more get 429 and poll instead. */
    maxStreams?: number;
    /** Open streams allowed per client address (default 64). */
    maxStreamsPerClient?: number;
  };
  /**
   * The bearer token of the operator routes (`/api/v1/operator/…`: counts by day, source and country, the CSV
   * export), from AGIR_OPERATOR_TOKEN; at least 32 characters. Without it those routes do not exist (404).
   */
  operatorToken?: string | undefined;
  /**
   * `GET /api/v1/actionnetwork/petitions/:id` (src/actionnetwork.ts): Action Network's API base, the variable
   * holding the API key (default AGIR_ACTIONNETWORK_KEY) and where it is read.
   */
  actionNetwork?: ActionNetworkReadOptions | undefined;
  /** The relay worker's timing and where it reads secrets (see src/relay.ts); false runs no worker in this process. */
  relay?: RelayOptions | false;
  /**
   * The confirmation email over SMTP (see src/mail.ts): without it no email is sent (said once at start), and
   * granted consents stay `pending`. false: configured elsewhere, no worker in this process, no notice.
   */
  mail?: MailOptions | false | undefined;
  /** Request log sink (one JSON line per request: method, path, status, duration); false logs nothing. */
  log?: ((line: string) => void) | false;
}

export const DEFAULT_DEMO_CSP = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html agir',
].join('; ');

export const defaults = {
  port: 8787,
  host: '127.0.0.1',
  dataDir: '.data/pglite',
  rateLimit: { capacity: 30, refillPerSecond: 0.5 } satisfies RateLimitOptions,
  junkRateLimit: { capacity: 30, refillPerSecond: 0.5 } satisfies RateLimitOptions,
  readRateLimit: { capacity: 600, refillPerSecond: 20 } satisfies RateLimitOptions,
  bodyLimitBytes: 16 * 1024,
  minFillMs: 3000,
  answerFloorMs: 250,
  petitionCacheMs: 1000,
  heartbeatMs: 15_000,
  minIntervalMs: 1000,
  pollMs: 1000,
  listenPollMs: 30_000,
  maxStreams: 10_000,
  maxStreamsPerClient: 64,
  demoDir: path.join(repoRoot, 'demo'),
  cdnDir: path.join(repoRoot, 'packages/elements/dist/cdn'),
} as const;
