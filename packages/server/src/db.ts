/**
 * One small driver interface over the two databases the server runs on: PGlite (PostgreSQL compiled to
 * WASM, persisted in a folder; the default) and PostgreSQL (when a URL is given). The SQL is the same.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs one parameterised statement ($1, $2…) and resolves with its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements, without parameters. */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * PostgreSQL only (PGlite is one process: in-process notifications see every write). Listens to `channel`
   * on a connection of its own, outside the pool, for the NOTIFYs of every process; see Listening.
   */
  listen?(channel: string, handlers: ListenHandlers): Listening;
  close(): Promise<void>;
}

export interface ListenHandlers {
  /** A NOTIFY on the channel, from any process, once its transaction committed. */
  onNotify(payload: string): void;
  /**
   * LISTEN is in place: at the start, and again after a lost connection was replaced. Whatever was
   * notified in between is lost: read again what the notifications would have told.
   */
  onConnect(): void;
  onError?(error: Error): void;
}

export interface Listening {
  /** Whether the LISTEN connection is up now. */
  readonly connected: boolean;
  /** Times LISTEN was put in place (1 after the start, +1 per reconnection). */
  readonly connections: number;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection URL; when set, PostgreSQL is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder (created when missing). */
  dataDir?: string | undefined;
  /** Connections in the PostgreSQL pool (default 10). */
  poolSize?: number | undefined;
  /** PostgreSQL: how long to wait for a connection before giving up (default: the driver's, no limit). */
  connectTimeoutMs?: number | undefined;
  /** Where driver-level errors are reported (idle connection lost…). */
  onError?: ((error: Error) => void) | undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10, options.onError, options.connectTimeoutMs);
  if (!options.dataDir) throw new Error('openDatabase: give a databaseUrl or a dataDir.');
  return openPGlite(options.dataDir);
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

const INT8_OID = 20;
/** bigint columns come back as numbers, as PGlite returns them (counts stay far below 2^53). */
const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
  oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser;

async function openPostgres(url: string, poolSize: number, onError?: (error: Error) => void, connectTimeoutMs?: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: 'agir-server',
    types: { getTypeParser },
    ...(connectTimeoutMs === undefined ? {} : { connectionTimeoutMillis: connectTimeoutMs }),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => onError?.(error));
  try {
    const client = await pool.connect(); // fail fast on a wrong URL
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }

  const wrap = (runner: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      return (await runner.query<T>(sql, params as unknown[])).rows;
    },
    async exec(sql: string) {
      await runner.query(sql);
    },
  });

  const listenings = new Set<Listening>();
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await fn(wrap(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    listen(channel, handlers) {
      const listening = listenPostgres(url, channel, handlers);
      listenings.add(listening);
      return listening;
    },
    // The LISTEN connections go with the database (they would keep the process alive).
    async close() {
      await Promise.all([...listenings].map((listening) => listening.close()));
      await pool.end();
    },
  };
}

/** A lost LISTEN connection is replaced after this long, doubled at each failure up to LISTEN_MAX_RETRY_MS. */
const LISTEN_RETRY_MS = 250;
const LISTEN_MAX_RETRY_MS = 30_000;

function listenPostgres(url: string, channel: string, handlers: ListenHandlers): Listening {
  let client: pg.Client | undefined;
  let closed = false;
  let connections = 0;
  let retry: NodeJS.Timeout | undefined;
  let delay = LISTEN_RETRY_MS;
  const schedule = (): void => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, LISTEN_MAX_RETRY_MS);
  };
  const lost = (lostClient: pg.Client): void => {
    if (client !== lostClient) return;
    client = undefined;
    lostClient.end().catch(() => undefined);
    schedule();
  };
  const connect = async (): Promise<void> => {
    const candidate = new pg.Client({ connectionString: url, application_name: 'agir-server listen' });
    candidate.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) handlers.onNotify(message.payload);
    });
    candidate.on('error', (error) => {
      handlers.onError?.(error);
      lost(candidate);
    });
    candidate.on('end', () => lost(candidate));
    try {
      await candidate.connect();
      await candidate.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
    } catch (error) {
      handlers.onError?.(error as Error);
      candidate.end().catch(() => undefined);
      schedule();
      return;
    }
    if (closed) {
      await candidate.end().catch(() => undefined);
      return;
    }
    client = candidate;
    connections++;
    delay = LISTEN_RETRY_MS;
    handlers.onConnect();
  };
  void connect();
  return {
    get connected() {
      return client !== undefined;
    },
    get connections() {
      return connections;
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const open = client;
      client = undefined;
      await open?.end().catch(() => undefined);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// PGlite

async function openPGlite(dataDir: string): Promise<Database> {
  const folder = path.resolve(dataDir);
  mkdirSync(path.dirname(folder), { recursive: true });
  const releaseLock = lockFolder(folder);
  let db: PGlite;
  try {
    db = await PGlite.create(folder);
  } catch (error) {
    releaseLock();
    // PGlite's file system throws objects without a message ({ name: 'ErrnoError', errno }) for a path it cannot use.
    if (error instanceof Error && error.message) throw error;
    const { name, errno } = (error ?? {}) as { name?: unknown; errno?: unknown };
    throw new Error(
      `could not open the PGlite folder ${folder} (${String(name ?? error)} ${String(errno ?? '')}): is it a folder this process may write in?`,
      {
        cause: error,
      },
    );
  }

  // PGlite is one connection: a statement issued while a transaction runs would land inside it.
  // Everything goes through one queue, so statements and transactions never interleave.
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
  const direct: Queryable = {
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      return (await db.query<T>(sql, params as unknown[])).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };

  return {
    kind: 'pglite',
    query: (sql, params) => exclusive(() => direct.query(sql, params)),
    exec: (sql) => exclusive(() => direct.exec(sql)),
    transaction: (fn) =>
      exclusive(async () => {
        await db.query('BEGIN');
        try {
          const result = await fn(direct);
          await db.query('COMMIT');
          return result;
        } catch (error) {
          await db.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    close: () =>
      exclusive(async () => {
        try {
          await db.close();
        } finally {
          releaseLock();
        }
      }),
  };
}

/**
 * PGlite has no locking of its own: two processes opening one folder would corrupt it. A lock file
 * beside the folder holds the owner's pid; a lock left by a dead process (kill -9) is taken over.
 */
function lockFolder(folder: string): () => void {
  const lockPath = `${folder}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new Error(
          `The data folder ${folder} is in use by process ${owner}${owner === process.pid ? ' (this one)' : ' (an agir-server?)'}. PGlite allows one user at a time: stop it first, or use PostgreSQL (DATABASE_URL).`,
        );
      }
      rmSync(lockPath, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`Could not lock the data folder ${folder} (${lockPath}).`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A URL to show: its password hidden. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return '(an unreadable URL)';
  }
}
