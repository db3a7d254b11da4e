/**
 * Where the keys live. The data key comes from AGIR_DATA_KEY (base64, 32 bytes) or from `server.key` in the
 * key folder, created on first start for a new database. The key folder is never inside the data folder:
 * by default `<data folder>.keys` beside it for PGlite, `.data/keys` under the working directory for
 * PostgreSQL. The person keys (wrapped by the data key) live:
 *   - PGlite: in `person-keys` in the key folder, outside the data folder, so a copy of the data folder
 *     (a backup taken before an erasure, a seized disk) holds no person key at all;
 *   - PostgreSQL: in the `person_keys` table (every server process must see them); a key destroyed there is
 *     destroyed in the key folder's `person-keys` too, left by the PGlite folder it was copied from.
 * The database keeps a check value of the data key: a server started with another key is refused.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { DataKey, newPersonKey } from './crypto.js';
import type { Database, Queryable } from './db.js';

export interface PersonKeyStore {
  /** The person's key, created and stored when they have none (inside the caller's transaction where it can). */
  obtain(index: Buffer, tx: Queryable): Promise<Buffer>;
  /** The person's key, or undefined when it was destroyed (or never existed). */
  find(index: Buffer, q: Queryable): Promise<Buffer | undefined>;
  /** Destroys the person's key: whatever was sealed with it can no longer be read, wherever a copy lies. */
  destroy(index: Buffer, tx: Queryable): Promise<boolean>;
  /**
   * Before deciding whether to destroy a key: waits until no transaction that `obtain`ed it is in flight,
   * and holds it for the rest of `tx`, so what the caller reads next includes every signature sealed with it.
   */
  holdForDestroy(index: Buffer, tx: Queryable): Promise<void>;
  /** Every person key as stored, still wrapped by the data key (`agir-server copy` moves them as they are). */
  entries(q: Queryable): Promise<Array<{ index: Buffer; wrapped: Buffer }>>;
}

export interface Keys {
  dataKey: DataKey;
  people: PersonKeyStore;
  /** Where the key folder is, and whether the data key came from AGIR_DATA_KEY. */
  keyDir: string;
  fromEnvironment: boolean;
}

/**
 * PostgreSQL: wrapped person keys in a table, in the caller's transaction. A key destroyed here is also
 * destroyed in `leftover`, the `person-keys` file of the key folder when there is one: the PGlite folder
 * this database was copied from (`agir-server copy`) opens with it, and an erasure must reach that too.
 */
class TablePersonKeys implements PersonKeyStore {
  constructor(
    private readonly dataKey: DataKey,
    private readonly leftover: string,
  ) {}

  async obtain(index: Buffer, tx: Queryable): Promise<Buffer> {
    const fresh = newPersonKey();
    await tx.query('INSERT INTO person_keys (email_index, wrapped_key) VALUES ($1, $2) ON CONFLICT (email_index) DO NOTHING', [
      index,
      this.dataKey.wrap(index, fresh),
    ]);
    // FOR SHARE: a `suspects reject` deciding to destroy this key waits for this transaction (holdForDestroy),
    // then sees the signature it seals; without it, the key could go while that signature is being written.
    const found = await this.find(index, tx, ' FOR SHARE');
    if (!found) throw new Error('person key vanished while being created');
    return found;
  }

  async holdForDestroy(index: Buffer, tx: Queryable): Promise<void> {
    await tx.query('SELECT 1 FROM person_keys WHERE email_index = $1 FOR UPDATE', [index]);
  }

  /** `lock`: a row lock to take on it for the rest of the transaction (`obtain`'s ` FOR SHARE`). */
  async find(index: Buffer, q: Queryable, lock: '' | ' FOR SHARE' = ''): Promise<Buffer | undefined> {
    const [row] = await q.query<{ wrapped_key: Uint8Array }>(`SELECT wrapped_key FROM person_keys WHERE email_index = $1${lock}`, [index]);
    return row ? this.dataKey.unwrap(index, row.wrapped_key) : undefined;
  }

  async destroy(index: Buffer, tx: Queryable): Promise<boolean> {
    const inTable = (await tx.query('DELETE FROM person_keys WHERE email_index = $1 RETURNING 1', [index])).length > 0;
    const inFile = existsSync(this.leftover) && (await new FilePersonKeys(this.dataKey, this.leftover).destroy(index));
    return inTable || inFile;
  }

  async entries(q: Queryable): Promise<Array<{ index: Buffer; wrapped: Buffer }>> {
    const rows = await q.query<{ email_index: Uint8Array; wrapped_key: Uint8Array }>(
      'SELECT email_index, wrapped_key FROM person_keys ORDER BY email_index',
    );
    return rows.map((row) => ({ index: Buffer.from(row.email_index), wrapped: Buffer.from(row.wrapped_key) }));
  }
}

/**
 * PGlite: wrapped person keys in a file of the key folder, one `<index> <wrapped>` line each (base64url).
 * A new key is appended (and synced) before the signature that uses it is written; a destroyed key is
 * gone from a new file that replaces the old one (written, synced, renamed).
 */
class FilePersonKeys implements PersonKeyStore {
  readonly #wrapped = new Map<string, Buffer>();

  constructor(
    private readonly dataKey: DataKey,
    private readonly file: string,
  ) {
    if (!existsSync(file)) return;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const [index, wrapped] = line.trim().split(' ');
      if (index && wrapped) this.#wrapped.set(index, Buffer.from(wrapped, 'base64url'));
    }
  }

  async obtain(index: Buffer): Promise<Buffer> {
    const known = await this.find(index);
    if (known) return known;
    const key = newPersonKey();
    const wrapped = this.dataKey.wrap(index, key);
    const fd = openSync(this.file, 'a', 0o600);
    try {
      writeSync(fd, `${index.toString('base64url')} ${wrapped.toString('base64url')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.#wrapped.set(index.toString('base64url'), wrapped);
    return key;
  }

  async find(index: Buffer): Promise<Buffer | undefined> {
    const wrapped = this.#wrapped.get(index.toString('base64url'));
    return wrapped && this.dataKey.unwrap(index, wrapped);
  }

  /** Nothing to wait for: PGlite runs one transaction at a time. */
  async holdForDestroy(): Promise<void> {}

  async destroy(index: Buffer): Promise<boolean> {
    if (!this.#wrapped.delete(index.toString('base64url'))) return false;
    const next = `${this.file}.next`;
    const fd = openSync(next, 'w', 0o600);
    try {
      writeSync(fd, [...this.#wrapped].map(([key, wrapped]) => `${key} ${wrapped.toString('base64url')}\n`).join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(next, this.file);
    return true;
  }

  async entries(): Promise<Array<{ index: Buffer; wrapped: Buffer }>> {
    return [...this.#wrapped].map(([index, wrapped]) => ({ index: Buffer.from(index, 'base64url'), wrapped }));
  }
}

export interface KeyOptions {
  /** The data key in base64 (AGIR_DATA_KEY); else `server.key` in the key folder. */
  dataKey?: string | undefined;
  /** The key folder (AGIR_KEY_DIR, --key-dir). */
  keyDir?: string | undefined;
  /** Told once when a new data key file is created. */
  onNotice?: ((message: string) => void) | undefined;
}

/** The default key folder: beside a PGlite folder, under the working directory for PostgreSQL. */
export function defaultKeyDir(database: { databaseUrl?: string | undefined; dataDir?: string | undefined }, cwd = process.cwd()): string {
  if (database.databaseUrl || !database.dataDir) return path.resolve(cwd, '.data/keys');
  return `${path.resolve(cwd, database.dataDir)}.keys`;
}

/**
 * Loads (or, for a database that holds no encrypted data yet, creates) the data key, checks it against
 * the database, and opens the person key store. Throws a message for the operator when the key is
 * missing, malformed or not the one the database was encrypted with.
 */
export async function loadKeys(db: Database, options: KeyOptions & { keyDir: string }): Promise<Keys> {
  const keyDir = path.resolve(options.keyDir);
  const keyFile = path.join(keyDir, 'server.key');
  const [stored] = await db.query<{ check_value: Uint8Array }>('SELECT check_value FROM data_key_check WHERE id = 1');
  let dataKey: DataKey;
  let source: string;
  if (options.dataKey !== undefined) {
    dataKey = DataKey.fromBase64(options.dataKey, 'AGIR_DATA_KEY');
    source = 'AGIR_DATA_KEY';
  } else if (existsSync(keyFile)) {
    dataKey = DataKey.fromBase64(readFileSync(keyFile, 'utf8'), `The key file ${keyFile}`);
    source = `the key file ${keyFile}`;
  } else if (stored) {
    throw new Error(
      `This database holds data encrypted with a data key, and there is no key: restore ${keyFile} from where you keep it, or set AGIR_DATA_KEY.`,
    );
  } else {
    mkdirSync(keyDir, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(keyFile, `${DataKey.generate()}\n`, { flag: 'wx', mode: 0o600 });
      options.onNotice?.(
        `agir-server: created the data key ${keyFile}. Signers' personal data is encrypted with it: without it nothing can be read back; ` +
          'with it, anyone holding a copy of the data can. Keep a copy of it somewhere safe, never beside the backups of the data.\n',
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process created it first
    }
    dataKey = DataKey.fromBase64(readFileSync(keyFile, 'utf8'), `The key file ${keyFile}`);
    source = `the key file ${keyFile}`;
  }
  if (!stored) {
    await db.query('INSERT INTO data_key_check (id, check_value) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [dataKey.checkValue()]);
  }
  const [check] = await db.query<{ check_value: Uint8Array }>('SELECT check_value FROM data_key_check WHERE id = 1');
  if (!check || !dataKey.matches(check.check_value)) {
    throw new Error(`This database was encrypted with another data key than ${source}: give the key it was encrypted with.`);
  }
  const file = path.join(keyDir, 'person-keys');
  let people: PersonKeyStore;
  if (db.kind === 'pglite') {
    mkdirSync(keyDir, { recursive: true, mode: 0o700 });
    people = new FilePersonKeys(dataKey, file);
  } else {
    people = new TablePersonKeys(dataKey, file);
  }
  return { dataKey, people, keyDir, fromEnvironment: options.dataKey !== undefined };
}
