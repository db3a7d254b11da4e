/** Opens the store as the server and the CLI use it: database, migrations, keys, rows of old still in plain text sealed. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, redactUrl, type DatabaseOptions } from './db.js';
import { defaultKeyDir, loadKeys } from './keys.js';
import { migrate } from './migrate.js';
import { Store } from './store.js';

export interface StoreOptions extends DatabaseOptions {
  /** The data key in base64 (AGIR_DATA_KEY); else `server.key` in the key folder, created for a new database. */
  dataKey?: string | undefined;
  /** The key folder (default: `<data folder>.keys` for PGlite, `.data/keys` for PostgreSQL). */
  keyDir?: string | undefined;
  /** Messages for the operator (a new key file, rows sealed at start). */
  onNotice?: ((message: string) => void) | undefined;
  /** The working directory relative paths are resolved against (default: the process's). */
  cwd?: string | undefined;
  /**
   * Only an existing Agir database: a PGlite folder that does not exist, or a PostgreSQL database without
   * Agir's tables, is an error instead of a new empty database (an operator command given a mistyped
   * `--data-dir` would otherwise answer from an empty one: "erased 0 signature(s)").
   */
  existing?: boolean | undefined;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const cwd = options.cwd ?? process.cwd();
  const keyDir = path.resolve(cwd, options.keyDir ?? defaultKeyDir(options, cwd));
  if (!options.databaseUrl && options.dataDir) {
    const dataDir = path.resolve(cwd, options.dataDir);
    const relative = path.relative(dataDir, keyDir);
    if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative)))
      throw new Error(`The key folder ${keyDir} is inside the data folder ${dataDir}: keep the keys apart from the data (--key-dir).`);
  }
  if (options.existing && !options.databaseUrl && options.dataDir) {
    const dataDir = path.resolve(cwd, options.dataDir);
    if (!existsSync(path.join(dataDir, 'PG_VERSION')))
      throw new Error(
        `no database in ${dataDir}: check --data-dir (or AGIR_DATA_DIR), run from the folder the server runs in, or start the server once to create it.`,
      );
  }
  const db = await openDatabase(options);
  try {
    if (options.existing && db.kind === 'postgres') {
      const [row] = await db.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
      if (!row?.present)
        throw new Error(
          `the PostgreSQL database ${redactUrl(options.databaseUrl ?? '')} holds no Agir data: check --database-url (or DATABASE_URL), or start the server once on it.`,
        );
    }
    await migrate(db);
    const keys = await loadKeys(db, { dataKey: options.dataKey, keyDir, onNotice: options.onNotice });
    const store = new Store(db, keys);
    const sealed = await store.sealPlainRows();
    if (sealed > 0) {
      await store.purge();
      options.onNotice?.(`agir-server: encrypted ${sealed} row(s) of personal data written before encryption at rest.\n`);
    }
    return store;
  } catch (error) {
    await db.close();
    throw error;
  }
}
