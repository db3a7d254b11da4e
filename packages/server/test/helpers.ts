/**
 * Shared test fixtures: the two databases every contract test runs against, servers on random ports,
 * signature payloads, and a small server-sent-events reader.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { serve } from '@hono/node-server';
import pg from 'pg';
import type { SignatureRequest } from '@agir/core';
import { startServer, type RunningServer, type ServerOptions } from '../src/index.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const serverBin = path.join(repoRoot, 'packages/server/bin/agir-server.mjs');

// ---------------------------------------------------------------------------------------------
// Databases

export type BackendName = 'pglite' | 'postgres';
/** A PGlite folder (its keys in `<folder>.keys` beside it), or a PostgreSQL database and its key folder. */
export type DatabaseChoice = { dataDir: string } | { databaseUrl: string; keyDir: string };

export interface Backend {
  name: BackendName;
  /** A new, empty database of this kind. */
  fresh(): Promise<DatabaseChoice>;
}

const cleanups: Array<() => unknown> = [];
/** Runs when the test file ends, last registered first (servers close before their databases go). */
export function onCleanup(cleanup: () => unknown): void {
  cleanups.push(cleanup);
}
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A temporary folder removed when the test file ends. */
export function tempDir(prefix = 'agir-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

let adminUrl: Promise<string> | undefined;

/**
 * The PostgreSQL cluster of this run: the one `pnpm test` started (AGIR_TEST_DATABASE_URL), else one
 * started here through scripts/postgres.mjs (stopped and deleted when this process exits), so the
 * PostgreSQL half of the tests always runs.
 */
function postgresAdminUrl(): Promise<string> {
  adminUrl ??= (async () => {
    const given = process.env.AGIR_TEST_DATABASE_URL;
    if (given) return given;
    const script = pathToFileURL(path.join(repoRoot, 'scripts/postgres.mjs')).href;
    const { startPostgres } = (await import(script)) as { startPostgres(): Promise<{ url: string; stop(): Promise<void> }> };
    const cluster = await startPostgres();
    onCleanup(() => cluster.stop());
    return cluster.url;
  })();
  return adminUrl;
}

/** A new database in the test cluster; its URL. */
export async function freshPostgresDatabase(): Promise<string> {
  const admin = await postgresAdminUrl();
  const name = `agir_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.href;
}

let pgliteTemplate: Promise<string> | undefined;

/**
 * An empty PGlite cluster, made once per machine and PGlite version and copied for each test database:
 * PGlite's initdb takes ~5 s, a copy ~0.1 s (measured on the 2-core CI machine's kind: 6.0 s to create and
 * open, 0.8 s to open a copy). It is the folder `PGlite.create` leaves, closed cleanly, before any
 * migration: the server still migrates each copy itself, as on a first start. Made in a temporary folder
 * and renamed into place, so a file killed midway or two files at once never see half of one.
 */
function emptyPGlite(): Promise<string> {
  pgliteTemplate ??= (async () => {
    // Named by the installed PGlite's real path (pnpm's store path holds its version).
    const installed = realpathSync(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
    const template = path.join(os.tmpdir(), `agir-test-pglite-empty-${createHash('sha256').update(installed).digest('hex').slice(0, 12)}`);
    if (existsSync(template)) return template;
    const making = mkdtempSync(`${template}.making-`);
    const db = await PGlite.create(path.join(making, 'db'));
    await db.close();
    try {
      renameSync(path.join(making, 'db'), template);
    } catch (error) {
      if (!existsSync(template)) throw error; // another file made it first: use theirs
    } finally {
      rmSync(making, { recursive: true, force: true });
    }
    return template;
  })();
  return pgliteTemplate;
}

export const backends: Backend[] = [
  {
    name: 'pglite',
    fresh: async () => {
      const dataDir = path.join(tempDir('agir-pglite-'), 'db');
      cpSync(await emptyPGlite(), dataDir, { recursive: true });
      return { dataDir };
    },
  },
  {
    name: 'postgres',
    fresh: async () => ({ databaseUrl: await freshPostgresDatabase(), keyDir: path.join(tempDir('agir-keys-'), 'keys') }),
  },
];

// ---------------------------------------------------------------------------------------------
// Servers

/** A server on a random loopback port, with no static folders and no request log unless asked; closed after the file. */
export async function startTestServer(database: DatabaseChoice, options: ServerOptions = {}): Promise<RunningServer> {
  const server = await startServer({
    port: 0,
    log: false,
    staticDirs: { demo: null, cdn: null },
    onNotice: () => undefined,
    ...database,
    ...options,
  });
  onCleanup(() => server.close());
  return server;
}

/** Serves an app built with buildApp() on a random loopback port; its base URL. */
export async function serveApp(app: { fetch: Parameters<typeof serve>[0]['fetch'] }): Promise<string> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
  await once(server, 'listening');
  onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Creates an open petition straight in the store. */
export async function createPetition(
  server: RunningServer,
  id: string,
  extra: { corsOrigins?: string[]; baselineSignatures?: number; mailSigners?: boolean; countRepeats?: boolean } = {},
): Promise<void> {
  const created = await server.app.store.createPetition({ id, title: `Petition ${id}`, locale: 'fr', goal: 1000, ...extra });
  if (!created) throw new Error(`petition ${id} exists`);
}

let signer = 0;

/** A valid signature request; a new signer (email, key) each call unless overridden. */
export function signature(
  overrides: { person?: Partial<SignatureRequest['person']> } & Partial<Omit<SignatureRequest, 'person'>> = {},
): SignatureRequest {
  signer++;
  const submittedAt = new Date();
  const startedAt = new Date(submittedAt.getTime() - 20_000);
  const { person, ...rest } = overrides;
  return {
    idempotencyKey: randomUUID(),
    person: {
      givenName: 'Ana',
      familyName: `Signer${signer}`,
      email: `signer${signer}.${randomUUID().slice(0, 8)}@example.org`,
      country: 'FR',
      ...person,
    },
    consents: [{ id: 'newsletter', granted: false, text: 'Je veux recevoir les nouvelles de la campagne.', version: '2026-11' }],
    locale: 'fr',
    source: { url: 'https://example.org/petition' },
    client: { startedAt: startedAt.toISOString(), submittedAt: submittedAt.toISOString(), trap: '' },
    ...rest,
  };
}

export async function postSignature(
  baseUrl: string,
  petitionId: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${baseUrl}/api/v1/petitions/${petitionId}/signatures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

export async function getJson(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(url, { headers });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

// ---------------------------------------------------------------------------------------------
// Server-sent events

export interface SseEvent {
  event: string;
  data: string;
  at: number;
}

export interface SseClient {
  readonly events: SseEvent[];
  readonly comments: string[];
  /** Resolves with the first event (already received or to come) matching `test`. */
  waitFor(test: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
  readonly closed: Promise<void>;
}

/** Opens an event stream with a plain HTTP request (one connection per client, as browsers do). */
export function openSse(url: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream' }, agent: false }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`stream answered ${response.statusCode}`));
        response.resume();
        return;
      }
      const events: SseEvent[] = [];
      const comments: string[] = [];
      const waiters = new Set<{ test: (event: SseEvent) => boolean; resolve: (event: SseEvent) => void }>();
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          let isEvent = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('event:')) {
              event = line.slice(6).trim();
              isEvent = true;
            } else if (line.startsWith('data:')) {
              data.push(line.slice(5).trim());
              isEvent = true;
            }
          }
          if (!isEvent) continue;
          const received = { event, data: data.join('\n'), at: Date.now() };
          events.push(received);
          for (const waiter of waiters) {
            if (waiter.test(received)) {
              waiters.delete(waiter);
              waiter.resolve(received);
            }
          }
        }
      });
      const closed = new Promise<void>((done) => response.on('close', () => done()));
      resolve({
        events,
        comments,
        closed,
        waitFor(test, timeoutMs = 5000) {
          const found = events.find(test);
          if (found) return Promise.resolve(found);
          return new Promise((done, fail) => {
            const waiter = {
              test,
              resolve: (event: SseEvent) => {
                clearTimeout(timer);
                done(event);
              },
            };
            const timer = setTimeout(() => {
              waiters.delete(waiter);
              fail(new Error(`no matching event within ${timeoutMs} ms (got ${events.map((e) => e.data).join(' | ')})`));
            }, timeoutMs);
            waiters.add(waiter);
          });
        },
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}

export const countOf = (event: SseEvent): number => (JSON.parse(event.data) as { signatureCount: number }).signatureCount;

/** Polls `check` until it returns true (or throws after `timeoutMs`). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) back into rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Byte searches (what a seized disk or a backup would show)

/**
 * The ways a value could lie in a file: UTF-8, UTF-16 (both byte orders), hex (both cases), base64 and
 * base64url at each of the three alignments (the part that does not depend on the neighbouring bytes),
 * and URL-encoded (percent and form encoding).
 */
export function encodingsOf(value: string): Array<{ name: string; bytes: Buffer }> {
  const utf8 = Buffer.from(value, 'utf8');
  const found: Array<{ name: string; bytes: Buffer }> = [
    { name: 'utf8', bytes: utf8 },
    { name: 'utf16le', bytes: Buffer.from(value, 'utf16le') },
    { name: 'utf16be', bytes: Buffer.from(value, 'utf16le').swap16() },
    { name: 'hex', bytes: Buffer.from(utf8.toString('hex')) },
    { name: 'HEX', bytes: Buffer.from(utf8.toString('hex').toUpperCase()) },
    { name: 'url-encoded', bytes: Buffer.from(encodeURIComponent(value)) },
    { name: 'form-encoded', bytes: Buffer.from(new URLSearchParams({ v: value }).toString().slice(2)) },
  ];
  for (let shift = 0; shift < 3; shift++) {
    const shifted = Buffer.concat([Buffer.alloc(shift), utf8]);
    for (const alphabet of ['base64', 'base64url'] as const) {
      const text = shifted.toString(alphabet).replace(/=+$/, '');
      const stable = text.slice(shift === 0 ? 0 : 4, text.length - 4); // neither the prefix's nor the tail's characters
      if (stable.length >= 8) found.push({ name: `${alphabet}+${shift}`, bytes: Buffer.from(stable) });
    }
  }
  return found;
}

/** Every file under `root` (recursively). */
export function filesUnder(root: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Where any encoding of any of `values` occurs in `files` (or in buffers given by name): `value as encoding in file`. */
export function findBytes(sources: Array<string | { name: string; bytes: Buffer }>, values: readonly string[]): string[] {
  const needles = values.flatMap((value) => encodingsOf(value).map((encoding) => ({ value, ...encoding })));
  const hits: string[] = [];
  for (const source of sources) {
    const { name, bytes } = typeof source === 'string' ? { name: source, bytes: readFileSync(source) } : source;
    for (const needle of needles) {
      if (bytes.includes(needle.bytes)) hits.push(`${JSON.stringify(needle.value)} as ${needle.name} in ${name}`);
    }
  }
  return hits;
}

/** The CLI's database options for `database`. */
export const dbArgs = (database: DatabaseChoice): string[] =>
  'dataDir' in database ? ['--data-dir', database.dataDir] : ['--database-url', database.databaseUrl, '--key-dir', database.keyDir];

/** Runs the operator CLI in-process against `database` (with `env` as its environment); resolves with its exit code and output. */
export async function runCli(
  database: DatabaseChoice,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  const { main } = await import('../src/cli.js');
  let out = '';
  let err = '';
  const io = { out: (text: string) => void (out += text), err: (text: string) => void (err += text), env, cwd: process.cwd() };
  const code = await main([...args, ...dbArgs(database)], io);
  return { code, out, err };
}

/**
 * Starts `agir-server start` on `database` as a child process (killed at the end of the test file); resolves
 * once it printed its URL. `args` and `env` are added to `start --port 0 --quiet --no-demo`.
 */
export async function spawnServer(
  database: DatabaseChoice,
  args: readonly string[] = [],
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; url: string }> {
  const all = ['start', '--port', '0', '--quiet', '--no-demo', ...args];
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv };
  delete env.DATABASE_URL;
  if ('dataDir' in database) all.push('--data-dir', database.dataDir);
  else {
    env.DATABASE_URL = database.databaseUrl;
    env.AGIR_KEY_DIR = database.keyDir;
  }
  const child = spawn(process.execPath, [serverBin, ...all], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  onCleanup(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'));
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    // A readiness wait, not a timing check: a start after SIGKILL replays PGlite's WAL, which a loaded
    // two-core machine once took over 30 s to do.
    const timer = setTimeout(() => reject(new Error(`no "listening" line within 90 s; stderr: ${stderr}`)), 90_000);
    lines.on('line', (line) => {
      const match = /^agir-server listening on (http:\/\/\S+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}; stderr: ${stderr}`)));
  });
  return { child, url };
}

/** Resolves once a child process has exited, with how. */
export async function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
  return { code: child.exitCode, signal: child.signalCode };
}
