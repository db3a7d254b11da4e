/**
 * `agir-server copy --to postgres://…`: growing up from the embedded PGlite database to PostgreSQL.
 * The target is migrated with the same migrations, then every table the migrations created is copied row
 * for row in one transaction on the target (all or nothing): ids, timestamps (to the microsecond) and the
 * sealed personal data exactly as they lie at rest, never opened. The person keys, which PGlite keeps in
 * the key folder, go into the target's `person_keys` table still wrapped by the data key; the data key
 * itself is not copied: a server started on the target is given the same one (AGIR_DATA_KEY or the key
 * folder). Sequences are set as they were, so new rows do not collide. Counts are compared on both sides.
 */
import { openDatabase, redactUrl, type Database, type Queryable } from './db.js';
import { migrate } from './migrate.js';
import type { Store } from './store.js';

/** Rows read and written at a time. */
const BATCH = 500;

export interface CopyOptions {
  /** The target's PostgreSQL URL. */
  to: string;
  /** Replace whatever the target holds (it is refused otherwise). */
  force?: boolean;
  /** The source's URL when it is PostgreSQL (a copy onto itself is refused). */
  sourceUrl?: string | undefined;
  /** Rows per batch (tests). */
  batchSize?: number;
}

export interface TableCount {
  table: string;
  source: number;
  target: number;
}

export interface CopyReport {
  tables: TableCount[];
  /** Rows of the target that were replaced (--force), by table. */
  replaced: number;
  /** The target's URL, its password hidden. */
  target: string;
}

/** One line for an error of the driver or the network (some have an empty message and only a code). */
function describe(error: unknown): string {
  const e = error as { message?: string; code?: string; errors?: Array<{ message?: string }> };
  return e.message || e.errors?.[0]?.message || e.code || String(error);
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The tables to copy (every table of the public schema but the migrations' own record), parents before children. */
async function tablesInOrder(q: Queryable): Promise<string[]> {
  const tables = (
    await q.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY tablename",
    )
  ).map((row) => row.name);
  const parents = new Map<string, Set<string>>(tables.map((table) => [table, new Set()]));
  for (const edge of await q.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public'`,
  )) {
    if (edge.child !== edge.parent) parents.get(edge.child)?.add(edge.parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((table) => !placed.has(table) && [...(parents.get(table) ?? [])].every((p) => placed.has(p)));
    if (ready.length === 0) throw new Error('the tables reference each other in a cycle: cannot order the copy');
    for (const table of ready) {
      placed.add(table);
      ordered.push(table);
    }
  }
  return ordered;
}

async function countRows(q: Queryable, tables: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of tables) {
    const [row] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table)}`);
    counts.set(table, row?.n ?? 0);
  }
  return counts;
}

/** Checks the target's URL and connects to it: done first, so a wrong URL is told before the source is opened. */
export async function connectTarget(url: string): Promise<Database> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--to must be a PostgreSQL URL such as postgres://user:password@host:5432/database, got "${redactUrl(url)}"`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
    throw new Error(`--to must be a PostgreSQL URL (postgres://user:password@host:5432/database), got a ${parsed.protocol} URL`);
  try {
    return await openDatabase({ databaseUrl: url, poolSize: 2, connectTimeoutMs: 10_000 });
  } catch (error) {
    throw new Error(`cannot connect to the target ${redactUrl(url)}: ${describe(error)}`);
  }
}

/**
 * Migrates the target and checks it holds nothing (unless `force`): its tables, and the rows it holds.
 * copyDatabase does it again; the CLI does it first too, so a non-empty target is told before the source is opened.
 */
export async function prepareTarget(target: Database, options: CopyOptions): Promise<{ tables: string[]; rows: number }> {
  const shown = redactUrl(options.to);
  if (options.sourceUrl !== undefined && options.sourceUrl === options.to) throw new Error('the target is the database being copied');
  try {
    await migrate(target);
  } catch (error) {
    throw new Error(`cannot migrate the target ${shown}: ${describe(error)}`);
  }
  const tables = await tablesInOrder(target);
  const already = [...(await countRows(target, tables))].filter(([, n]) => n > 0);
  if (already.length > 0 && options.force !== true)
    throw new Error(
      `the target ${shown} is not empty (${already.map(([table, n]) => `${table}: ${n}`).join(', ')}): nothing copied; give --force to replace what it holds`,
    );
  return { tables, rows: already.reduce((sum, [, n]) => sum + n, 0) };
}

/**
 * Copies the store's database (PGlite or PostgreSQL) and its person keys into `target`, the PostgreSQL
 * database at `options.to` (connectTarget). The caller closes both.
 */
export async function copyDatabase(store: Store, target: Database, options: CopyOptions): Promise<CopyReport> {
  const shown = redactUrl(options.to);
  const batchSize = options.batchSize ?? BATCH;
  const { tables: targetTables, rows: replaced } = await prepareTarget(target, options);

  // One snapshot of the source, one transaction on the target.
  const tables = await store.db.transaction(async (source) => {
    await source.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const sourceTables = await tablesInOrder(source);
    const missing = sourceTables.filter((table) => !targetTables.includes(table));
    if (missing.length)
      throw new Error(`the target ${shown} has no table ${missing.join(', ')} after migrating: is it another application's?`);
    const sourceCounts = await countRows(source, sourceTables);
    // PGlite keeps the person keys in the key folder, PostgreSQL in person_keys: both go to person_keys.
    const fileKeys = store.db.kind === 'pglite' ? await store.keys.people.entries(source) : [];
    sourceCounts.set('person_keys', (sourceCounts.get('person_keys') ?? 0) + fileKeys.length);
    const sequences = await source.query<{ name: string; last_value: number | null }>(
      "SELECT sequencename AS name, last_value FROM pg_sequences WHERE schemaname = 'public'",
    );

    return target.transaction(async (tx) => {
      if (targetTables.length) await tx.exec(`TRUNCATE ${targetTables.map(quote).join(', ')} RESTART IDENTITY CASCADE`);
      for (const table of sourceTables) {
        const cursor = quote(`copy_${table}`);
        // Every column as the database writes it in JSON: timestamps to the microsecond, bytea in hex, arrays as arrays.
        await source.exec(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS row FROM ${quote(table)} t`);
        for (;;) {
          const rows = await source.query<{ row: string }>(`FETCH ${batchSize} FROM ${cursor}`);
          if (rows.length === 0) break;
          await tx.query(`INSERT INTO ${quote(table)} SELECT * FROM jsonb_populate_recordset(NULL::${quote(table)}, $1::jsonb)`, [
            `[${rows.map((r) => r.row).join(',')}]`,
          ]);
          if (rows.length < batchSize) break;
        }
        await source.exec(`CLOSE ${cursor}`);
      }
      for (let i = 0; i < fileKeys.length; i += batchSize) {
        const batch = fileKeys.slice(i, i + batchSize);
        await tx.query(
          `INSERT INTO person_keys (email_index, wrapped_key)
           SELECT decode(k->>0, 'base64'), decode(k->>1, 'base64') FROM jsonb_array_elements($1::jsonb) k`,
          [JSON.stringify(batch.map((key) => [key.index.toString('base64'), key.wrapped.toString('base64')]))],
        );
      }
      for (const sequence of sequences) {
        // As it was: the next id on the target is the one the source would have given.
        await tx.query('SELECT setval($1::regclass, $2, $3)', [
          quote(sequence.name),
          sequence.last_value ?? 1,
          sequence.last_value !== null,
        ]);
      }
      const targetCounts = await countRows(tx, targetTables);
      const report = targetTables.map((table) => ({ table, source: sourceCounts.get(table) ?? 0, target: targetCounts.get(table) ?? 0 }));
      const wrong = report.filter((row) => row.source !== row.target);
      if (wrong.length)
        throw new Error(
          `the counts differ after copying (${wrong.map((row) => `${row.table}: ${row.source} here, ${row.target} there`).join(', ')}): nothing copied`,
        );
      return report;
    });
  });
  return { tables, replaced, target: shown };
}
