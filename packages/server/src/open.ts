/** Opens the store as the server and the CLI use it: database, migrations, keys, rows of old still in plain text sealed. */
import path from 'node:path';
import { openDatabase, type DatabaseOptions } from './db.js';
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
  const db = await openDatabase(options);
  try {
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
