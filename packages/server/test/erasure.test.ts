// Personal data at rest: what a copy of the data shows without the key, and what `person erase` leaves.
// Byte searches look for a signer's email, names, phone and comment in UTF-8, UTF-16, hex, base64 and
// URL encoding: in the whole PGlite folder (its tables, indexes and WAL), in a pg_dump and in the pg_wal
// folder of the PostgreSQL test cluster. An old copy of a PGlite folder taken before an erasure is opened
// again with the current keys: the erased person is gone from it too.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import type { SignatureRequest } from '@agir/core';
import pg from 'pg';

import type { Queryable, Row } from '../src/db.js';
import { migrate, readMigrations } from '../src/migrate.js';
import { rejectSuspects } from '../src/organiser.js';
import { openDatabase, openStore, type Store } from '../src/index.js';
import {
  backends,
  type DatabaseChoice,
  filesUnder,
  findBytes,
  parseCsv,
  postSignature,
  runCli,
  signature,
  startTestServer,
  tempDir,
} from './helpers.js';

const cli = (database: DatabaseChoice, ...args: string[]) => runCli(database, args);

/** A signer whose every personal field is unmistakable (random, long enough for every encoding to be searched). */
function person(tag: string) {
  const mark = randomBytes(6).toString('hex');
  return {
    givenName: `Zéphyrine${mark}`,
    familyName: `Quattrocchi${tag}${mark}`,
    email: `erase.${tag}.${mark}@example.net`,
    phone: `+33 6 ${String(Number.parseInt(mark.slice(0, 6), 16) % 100_000_000).padStart(8, '0')}`,
    comment: `Libérez-les, ${tag} ${mark} — 自由`,
    postalCode: `Z${mark.slice(0, 5).toUpperCase()}`,
  };
}
type Person = ReturnType<typeof person>;
const secretsOf = (p: Person): string[] => [p.email, p.givenName, p.familyName, p.phone, p.comment];

/** Signs `p` on two petitions (with a postal code, a phone, a comment) and once as a judged-automated submission. */
async function signEverywhere(url: string, p: Person): Promise<void> {
  const { comment, ...fields } = p;
  for (const petition of ['erase-a', 'erase-b']) {
    const response = await postSignature(url, petition, signature({ person: { ...fields, country: 'NO' }, comment }));
    assert.equal(response.status, 201, JSON.stringify(response.body));
  }
  const bot = await postSignature(
    url,
    'erase-a',
    signature({ person: { ...fields }, comment, client: { ...signature().client, trap: 'x' } }),
  );
  assert.equal(bot.status, 201);
}

async function exportCsv(database: DatabaseChoice, petition: string): Promise<Array<Record<string, string>>> {
  const result = await cli(database, 'signatures', 'export', '--petition', petition);
  assert.equal(result.code, 0, result.err);
  const [header = [], ...rows] = parseCsv(result.out);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

async function withStore<T>(options: Parameters<typeof openStore>[0], work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(options);
  try {
    return await work(store);
  } finally {
    await store.db.close();
  }
}

describe('personal data at rest (pglite)', () => {
  test('person erase: no trace of the person in the data folder after a restart, and an old copy of it no longer yields them', async () => {
    const database = { dataDir: path.join(tempDir('agir-erase-'), 'db') };
    const keyDir = `${database.dataDir}.keys`;
    const gone = person('gone');
    const stays = person('stays');
    let server = await startTestServer(database, { rateLimit: false });
    for (const id of ['erase-a', 'erase-b']) await server.app.store.createPetition({ id, title: `Petition ${id}`, locale: 'fr' });
    await signEverywhere(server.url, gone);
    await signEverywhere(server.url, stays);
    await server.close();

    // Before the erasure: the export reads both people back (the search below could find them if they were there).
    const before = await exportCsv(database, 'erase-a');
    const row = before.find((r) => r.email === gone.email);
    assert.deepEqual(
      [row?.given_name, row?.family_name, row?.phone, row?.comment],
      [gone.givenName, gone.familyName, `'${gone.phone}`, gone.comment],
    );
    const oldCopy = path.join(tempDir('agir-old-copy-'), 'db');
    cpSync(database.dataDir, oldCopy, { recursive: true });

    const erased = await cli(database, 'person', 'erase', '--email', gone.email.toUpperCase());
    assert.equal(erased.code, 0, erased.err);
    assert.match(erased.err, /erased 2 signature\(s\) on erase-a, erase-b .* and 1 suspect record\(s\); their key is destroyed/);

    server = await startTestServer(database, { rateLimit: false }); // a restart: recovery replays what the WAL holds
    await server.close();
    const files = [...filesUnder(database.dataDir), ...filesUnder(keyDir)];
    assert.ok(
      files.some((file) => file.includes(`${path.sep}pg_wal${path.sep}`)),
      'the search covers the WAL',
    );
    assert.deepEqual(findBytes(files, secretsOf(gone)), []);
    // Encrypted at rest: the person who stays is not in the folder in the clear either.
    assert.deepEqual(findBytes(filesUnder(database.dataDir), secretsOf(stays)), []);

    const after = await exportCsv(database, 'erase-a');
    assert.equal(after.filter((r) => r.email === gone.email).length, 0);
    assert.equal(after.filter((r) => r.email === stays.email && r.comment === stays.comment).length, 1);

    // The copy taken before the erasure, opened with today's keys: the erased person cannot be read from it.
    await withStore({ dataDir: oldCopy, keyDir }, async (store) => {
      const index = store.emailIndex(gone.email);
      const [held] = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM signatures WHERE email_index = $1', [index]);
      assert.equal(held?.n, 2, 'the old copy still holds their sealed rows');
      assert.equal(await store.keys.people.find(index, store.db), undefined, 'but no key opens them');
      const unreadable = { count: 0 };
      const exported = [];
      for await (const signed of store.exportSignatures('erase-a', 1000, unreadable)) exported.push(signed);
      assert.deepEqual(
        exported.map((signed) => signed.email),
        [stays.email],
        'the old copy yields the people who stay, not the erased one',
      );
      assert.equal(unreadable.count, 1);
    });
    assert.deepEqual(findBytes(filesUnder(oldCopy), secretsOf(gone)), [], 'nor does it hold them in the clear');
  });

  test('a seized data folder without the key shows no email, name, phone or comment, and cannot be opened as the server', async () => {
    const database = { dataDir: path.join(tempDir('agir-seized-'), 'db') };
    const people = [person('a'), person('b'), person('c')];
    const server = await startTestServer(database, { rateLimit: false });
    for (const id of ['erase-a', 'erase-b']) await server.app.store.createPetition({ id, title: `Petition ${id}`, locale: 'fr' });
    for (const p of people) await signEverywhere(server.url, p);
    await server.close();

    // The folder alone: every table read as text, and every file searched.
    const seized = path.join(tempDir('agir-seized-copy-'), 'db');
    cpSync(database.dataDir, seized, { recursive: true });
    const db = await openDatabase({ dataDir: seized });
    try {
      const tables = await db.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
      );
      let dumped = '';
      for (const { table_name } of tables) {
        const rows = await db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${table_name} t`);
        dumped += rows.map((r) => r.row).join('\n');
      }
      assert.match(dumped, /erase-a/, 'the tables were read');
      const secrets = people.flatMap(secretsOf);
      assert.deepEqual(findBytes([{ name: 'the tables as text', bytes: Buffer.from(dumped) }], secrets), []);
      const [signatures] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM signatures');
      assert.equal(signatures?.n, 6, 'what it does show: how many signatures (with their petition, country, dates)');
    } finally {
      await db.close();
    }
    assert.deepEqual(findBytes(filesUnder(seized), people.flatMap(secretsOf)), []);
    await assert.rejects(openStore({ dataDir: seized }), /holds data encrypted with a data key, and there is no key/);
    await assert.rejects(
      openStore({ dataDir: seized, dataKey: randomBytes(32).toString('base64') }),
      /encrypted with another data key than AGIR_DATA_KEY/,
    );
    await assert.rejects(openStore({ dataDir: seized, dataKey: 'too short' }), /AGIR_DATA_KEY must hold 32 random bytes in base64/);
    await assert.rejects(openStore({ dataDir: seized, keyDir: path.join(seized, 'keys') }), /inside the data folder/);
  });

  test('rows written in plain text before encryption are sealed at start; the plain text leaves the folder', async () => {
    const dir = tempDir('agir-legacy-');
    const dataDir = path.join(dir, 'db');
    const old = person('legacy');
    const db = await openDatabase({ dataDir });
    try {
      await migrate(
        db,
        readMigrations().filter((migration) => migration.version === '001_init'),
      );
      await db.query("INSERT INTO petitions (id, title, locale, signature_count, country_count) VALUES ('old', 'Old', 'fr', 1, 1)");
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO signatures (petition_id, idempotency_key, email_normalised, email, given_name, family_name, country, phone, comment,
           locale, source_url, started_at, submitted_at, response_count)
         VALUES ('old', $1, $2, $3, $4, $5, 'FR', $6, $7, 'fr', 'https://example.org/', now(), now(), 1) RETURNING id`,
        [randomUUID(), old.email.toLowerCase(), old.email, old.givenName, old.familyName, old.phone, old.comment],
      );
      await db.query(
        "INSERT INTO consents (signature_id, consent_id, granted, text, version) VALUES ($1, 'newsletter', true, 'Oui', '1')",
        [row!.id],
      );
      const request = signature({ person: { ...old } });
      await db.query(
        "INSERT INTO suspect_signatures (petition_id, idempotency_key, email_normalised, reason, request) VALUES ('old', $1, $2, 'trap', $3::jsonb)",
        [request.idempotencyKey, old.email.toLowerCase(), JSON.stringify(request)],
      );
    } finally {
      await db.close();
    }
    assert.notDeepEqual(findBytes(filesUnder(dataDir), [old.email]), [], 'the search finds plain text where there is some');

    const notices: string[] = [];
    await withStore({ dataDir, onNotice: (message) => notices.push(message) }, async (store) => {
      assert.ok(
        notices.some((notice) => /created the data key .*server\.key.*never beside the backups/s.test(notice)),
        notices.join(),
      );
      assert.ok(
        notices.some((notice) => /encrypted 2 row\(s\)/.test(notice)),
        notices.join(),
      );
      const exported = [];
      for await (const signed of store.exportSignatures('old')) exported.push(signed);
      assert.deepEqual(
        exported.map((s) => [s.email, s.givenName, s.familyName, s.phone, s.comment, s.consents.length]),
        [[old.email, old.givenName, old.familyName, old.phone, old.comment, 1]],
      );
      const [plain] = await store.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM signatures WHERE email IS NOT NULL OR given_name IS NOT NULL OR email_normalised IS NOT NULL',
      );
      assert.equal(plain?.n, 0);
      // Signing again with the same address is a duplicate: the blind index found the old row.
      const again = await store.sign('old', signature({ person: { email: ` ${old.email.toUpperCase()}` } }));
      assert.equal(again.kind, 'duplicate');
    });
    assert.deepEqual(findBytes(filesUnder(dataDir), secretsOf(old)), []);
  });
});

/**
 * What a signer's source may carry from a mailing: their email and names in the page address (prefill
 * parameters, a tracking value, the path) and in `source.utm` (tracking keys and another key).
 */
function mailedSource(p: Person): SignatureRequest['source'] {
  const url = new URL(`https://site.example/p/${encodeURIComponent(p.email)}`);
  url.search = new URLSearchParams({
    email: p.email,
    given_name: p.givenName,
    utm_source: 'mail',
    utm_content: p.email,
    utm_term: p.givenName,
  }).toString();
  return {
    url: url.href,
    utm: {
      utm_source: 'mail',
      utm_content: p.email,
      utm_term: p.givenName,
      utm_campaign: `${p.familyName} spring`,
      given_name: p.givenName,
    },
  };
}

/** Everything of the database a seizure or a backup could show: the PGlite folder, else a pg_dump and the cluster's WAL. */
async function atRest(database: DatabaseChoice, t: TestContext): Promise<Array<string | { name: string; bytes: Buffer }>> {
  if ('dataDir' in database) return filesUnder(database.dataDir);
  const dump = pgDump();
  if (!dump) {
    t.diagnostic('no pg_dump on this machine: the PostgreSQL search reads the WAL only');
    return walFiles(database.databaseUrl);
  }
  const dumped = spawnSync(dump, ['--dbname', database.databaseUrl, '--no-owner'], { maxBuffer: 256 * 1024 * 1024 });
  assert.equal(dumped.status, 0, dumped.stderr?.toString());
  return [{ name: 'pg_dump', bytes: dumped.stdout }, ...(await walFiles(database.databaseUrl))];
}

/** The WAL segments of the PostgreSQL test cluster. */
async function walFiles(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const dataDirectory = (await client.query<{ data_directory: string }>('SHOW data_directory')).rows[0]!.data_directory;
    return filesUnder(path.join(dataDirectory, 'pg_wal')).filter((file) => /[0-9A-F]{24}$/.test(file));
  } finally {
    await client.end();
  }
}

for (const backend of backends) {
  describe(`a signature's source names nobody (${backend.name})`, () => {
    test('the JSON route and suspects accept keep origin, path and utm_*/mtm_* values that hold no email and no name of the signer', async (t) => {
      const database = await backend.fresh();
      const signed = person('src');
      const suspect = person('sus');
      const server = await startTestServer(database, { rateLimit: false });
      await server.app.store.createPetition({ id: 'water', title: 'Water', locale: 'fr' });
      const { comment: _, ...fields } = signed;
      const first = await postSignature(
        server.url,
        'water',
        signature({ person: { ...fields, country: 'NO' }, source: mailedSource(signed) }),
      );
      assert.equal(first.status, 201, JSON.stringify(first.body));
      const { comment: __, ...suspectFields } = suspect;
      const bot = signature({ person: { ...suspectFields, country: 'NO' }, source: mailedSource(suspect) });
      const caught = await postSignature(server.url, 'water', { ...bot, client: { ...bot.client, trap: 'x' } });
      assert.equal(caught.status, 201);
      await server.close();

      const [id] = await withStore(database, (store) => store.db.query<{ id: number }>('SELECT id FROM suspect_signatures'));
      const accepted = await cli(database, 'suspects', 'accept', String(id?.id));
      assert.equal(accepted.code, 0, accepted.err);

      const rows = await exportCsv(database, 'water');
      assert.deepEqual(
        rows.map((row) => [row.email, row.source_url, row.source_utm]).sort(),
        [signed, suspect].map((p) => [p.email, 'https://site.example/?utm_source=mail', '{"utm_source":"mail"}']).sort(),
        'both rows are there, with what may be kept of their source',
      );
      const secrets = [signed.email, signed.givenName, signed.familyName, suspect.email, suspect.givenName, suspect.familyName];
      if ('dataDir' in database) {
        const restarted = await startTestServer(database, { rateLimit: false }); // recovery replays the WAL
        await restarted.close();
      }
      const files = await atRest(database, t);
      assert.ok(files.length > 0);
      assert.notDeepEqual(findBytes(files, ['Water']), [], 'the search finds what was stored in the clear');
      assert.deepEqual(findBytes(files, secrets), []);
    });
  });
}

/** The files (or buffers) holding any of `needles`, byte for byte. */
function holding(sources: ReadonlyArray<string | { name: string; bytes: Buffer }>, needles: readonly Buffer[]): string[] {
  return sources
    .map((source) => (typeof source === 'string' ? { name: source, bytes: readFileSync(source) } : source))
    .filter(({ bytes }) => needles.some((needle) => bytes.includes(needle)))
    .map(({ name }) => name);
}

/** A sealed value or a wrapped key as it may lie at rest: raw (a slice, should a page cut it), in hex, in base64url. */
const asStored = (bytes: Buffer): Buffer[] => [
  bytes.subarray(4, 36),
  Buffer.from(bytes.toString('hex')),
  Buffer.from(bytes.toString('base64url')),
];

for (const backend of backends) {
  describe(`suspects reject deletes at rest (${backend.name})`, () => {
    test("the sealed submission leaves the database, and the person's key is destroyed when the email has nothing else", async (t) => {
      const database = await backend.fresh();
      const keyDir = 'keyDir' in database ? database.keyDir : `${database.dataDir}.keys`;
      const lone = person('lone');
      const signer = person('signer');
      const server = await startTestServer(database, { rateLimit: false });
      await server.app.store.createPetition({ id: 'water', title: 'Water', locale: 'fr' });
      const { comment, ...fields } = signer;
      assert.equal((await postSignature(server.url, 'water', signature({ person: { ...fields, country: 'NO' }, comment }))).status, 201);
      for (const p of [lone, signer]) {
        const { comment: said, ...typed } = p;
        const bot = signature({ person: { ...typed, country: 'NO' }, comment: said });
        assert.equal((await postSignature(server.url, 'water', { ...bot, client: { ...bot.client, trap: 'x' } })).status, 201);
      }
      await server.close();

      const { ids, sealed, loneKey } = await withStore(database, async (store) => {
        const rows = await store.db.query<{ id: number; request_sealed: Uint8Array }>(
          'SELECT id, request_sealed FROM suspect_signatures ORDER BY id',
        );
        const index = store.emailIndex(lone.email);
        const entry = (await store.keys.people.entries(store.db)).find((key) => key.index.equals(index));
        return {
          ids: rows.map((row) => String(row.id)),
          sealed: rows.map((row) => Buffer.from(row.request_sealed)),
          loneKey: entry?.wrapped,
        };
      });
      assert.equal(ids.length, 2);
      assert.ok(loneKey, 'the lone suspect has a person key');
      const needles = [...sealed.flatMap(asStored), ...asStored(loneKey)];
      const seized = async () =>
        'dataDir' in database ? [...filesUnder(database.dataDir), ...filesUnder(keyDir)] : await atRest(database, t);
      assert.notDeepEqual(holding(await seized(), needles), [], 'the search finds the sealed submissions and the key before');

      const rejected = await cli(database, 'suspects', 'reject', ...ids);
      assert.equal(rejected.code, 0, rejected.err);
      assert.match(
        rejected.err,
        /rejected, deleted with its personal data[^]*destroyed 1 person key \(emails with no signature and no other suspect left\)/,
      );

      await withStore(database, async (store) => {
        assert.equal(await store.keys.people.find(store.emailIndex(lone.email), store.db), undefined, "the lone suspect's key is gone");
        assert.ok(await store.keys.people.find(store.emailIndex(signer.email), store.db), 'a signer keeps theirs');
      });
      assert.deepEqual(
        (await exportCsv(database, 'water')).map((row) => row.email),
        [signer.email],
        'the signature still reads',
      );
      if ('dataDir' in database) {
        const restarted = await startTestServer(database, { rateLimit: false }); // recovery replays the WAL
        await restarted.close();
        assert.deepEqual(holding(await seized(), needles), []);
      } else {
        // PostgreSQL recycles its WAL as configured: the database and its dump hold neither the submissions nor the key.
        const [dump] = await atRest(database, t);
        assert.deepEqual(holding(dump && typeof dump !== 'string' ? [dump] : [], needles), []);
      }
    });
  });
}

describe('suspects reject while the same person signs (postgres)', () => {
  const postgres = backends.find((backend) => backend.name === 'postgres')!;

  test('a reject deciding to destroy a key waits for a signature being written with it, then keeps the key: no signature is lost', async () => {
    const database = await postgres.fresh();
    const someone = person('race');
    const { comment, ...typed } = someone;
    await withStore(database, async (store) => {
      await store.createPetition({ id: 'race', title: 'Race', locale: 'fr' });
      const bot = signature({ person: { ...typed, country: 'NO' }, comment });
      assert.equal((await store.recordSuspect('race', { ...bot, client: { ...bot.client, trap: 'x' } }, 'honeypot')).kind, 'suspect');
      const [suspect] = await store.db.query<{ id: number }>('SELECT id FROM suspect_signatures');

      // The same person signs for real; their signature's transaction is still open when the operator rejects the bot.
      let release!: () => void;
      let written!: () => void;
      const inFlight = new Promise<void>((resolve) => (written = resolve));
      const signing = store.db.transaction(async (tx) => {
        const outcome = await store.sign('race', signature({ person: { ...typed, country: 'NO' }, comment }), tx);
        written();
        await new Promise<void>((resolve) => (release = resolve));
        return outcome;
      });
      await inFlight;
      const rejecting = rejectSuspects(store, [Number(suspect!.id)]);
      const first = await Promise.race([
        rejecting.then(() => 'reject done'),
        new Promise((resolve) => setTimeout(() => resolve('reject waiting'), 1000)),
      ]);
      release();
      assert.equal((await signing).kind, 'created');
      const report = await rejecting;
      assert.equal(first, 'reject waiting', 'the reject waits for the signature in flight');
      assert.deepEqual(report, { rejected: [{ id: Number(suspect!.id), petitionId: 'race' }], keysDestroyed: 0 });

      const unreadable = { count: 0 };
      const rows = [];
      for await (const row of store.exportSignatures('race', 100, unreadable)) rows.push(row);
      assert.deepEqual([rows.map((row) => row.email), unreadable.count], [[someone.email], 0], 'the signature reads');
    });
  });
});

describe('person erase while the same person signs (postgres)', () => {
  const postgres = backends.find((backend) => backend.name === 'postgres')!;

  test('an erasure started while the same person signs again waits for that signature, then erases the person: neither fails', async () => {
    const database = await postgres.fresh();
    const someone = person('erase-race');
    const { comment, ...typed } = someone;
    await withStore(database, async (store) => {
      await store.createPetition({ id: 'race', title: 'Race', locale: 'fr' });
      assert.equal((await store.sign('race', signature({ person: { ...typed, country: 'NO' }, comment }))).kind, 'created');

      // The same person signs again (another device), held just after its first row lock (the petition's), as a
      // busy server may hold it. Before the person lock, the erasure took the person's key and waited for the
      // petition, the signature waited for the key: PostgreSQL found the deadlock after a second and failed one.
      let release!: () => void;
      let locked!: () => void;
      const holding = new Promise<void>((resolve) => (locked = resolve));
      const paused = new Promise<void>((resolve) => (release = resolve));
      const signing = store.db.transaction(async (tx) => {
        let held = false;
        const slow: Queryable = {
          exec: (sql) => tx.exec(sql),
          query: async <T extends Row>(sql: string, params?: readonly unknown[]) => {
            const rows = await tx.query<T>(sql, params);
            if (!held && /FOR UPDATE/.test(sql)) {
              held = true;
              locked();
              await paused;
            }
            return rows;
          },
        };
        return store.sign('race', signature({ person: { ...typed, country: 'NO' }, comment }), slow);
      });
      await holding;
      const erasing = store.erasePerson(someone.email);
      const first = await Promise.race([
        erasing.then(
          () => 'erase done',
          () => 'erase failed',
        ),
        new Promise((resolve) => setTimeout(() => resolve('erase waiting'), 1500)),
      ]);
      release();
      const [signed, erased] = await Promise.allSettled([signing, erasing]);
      assert.equal(signed.status, 'fulfilled', `the signature is not lost: ${signed.status === 'rejected' ? String(signed.reason) : ''}`);
      assert.equal(erased.status, 'fulfilled', `the erasure does not fail: ${erased.status === 'rejected' ? String(erased.reason) : ''}`);
      assert.equal(first, 'erase waiting', 'the erasure waits for the signature in flight');
      assert.equal(signed.value.kind, 'duplicate', 'the second signature was an email already counted');
      assert.equal(erased.value.signatures, 1, 'the person’s signature erased');
      assert.deepEqual(await store.db.query('SELECT id FROM signatures'), []);
      assert.equal((await store.getPetition('race'))?.signatureCount, 0);
    });
  });
});

/** pg_dump of the same major version as the test cluster (PATH, else the newest in /usr/lib/postgresql). */
function pgDump(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((name) => existsSync(path.join(base, name, 'bin', 'pg_dump')))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    if (versions[0]) return path.join(base, versions[0], 'bin', 'pg_dump');
  }
  const onPath = spawnSync('sh', ['-c', 'command -v pg_dump'], { encoding: 'utf8' });
  return onPath.status === 0 ? onPath.stdout.trim() : undefined;
}

describe('personal data at rest (postgres)', () => {
  const postgres = backends.find((backend) => backend.name === 'postgres')!;

  test("person erase: no trace of the person in a pg_dump or in the cluster's WAL", async (t) => {
    const dump = pgDump();
    if (!dump) return t.skip('no pg_dump on this machine');
    const database = (await postgres.fresh()) as { databaseUrl: string; keyDir: string };
    const gone = person('gone');
    const stays = person('stays');
    const server = await startTestServer(database, { rateLimit: false });
    const title = `Petition erase ${randomUUID()}`;
    for (const id of ['erase-a', 'erase-b']) await server.app.store.createPetition({ id, title: `${title} ${id}`, locale: 'fr' });
    await signEverywhere(server.url, gone);
    await signEverywhere(server.url, stays);

    const erased = await cli(database, 'person', 'erase', '--email', gone.email);
    assert.equal(erased.code, 0, erased.err);
    assert.match(erased.err, /erased 2 signature\(s\).*their key is destroyed/);
    await server.close();

    const dumped = spawnSync(dump, ['--dbname', database.databaseUrl, '--no-owner'], { maxBuffer: 256 * 1024 * 1024 });
    assert.equal(dumped.status, 0, dumped.stderr?.toString());
    assert.match(dumped.stdout.toString(), new RegExp(title), 'the dump holds the data');
    assert.deepEqual(findBytes([{ name: 'pg_dump', bytes: dumped.stdout }], [...secretsOf(gone), ...secretsOf(stays)]), []);

    const client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
    let dataDirectory: string;
    try {
      await client.query('CHECKPOINT');
      dataDirectory = (await client.query<{ data_directory: string }>('SHOW data_directory')).rows[0]!.data_directory;
    } finally {
      await client.end();
    }
    const wal = filesUnder(path.join(dataDirectory, 'pg_wal')).filter((file) => /[0-9A-F]{24}$/.test(file));
    assert.ok(wal.length > 0, 'the cluster has WAL segments');
    assert.notDeepEqual(findBytes(wal, [title]), [], 'the WAL holds what was written (the search works)');
    assert.deepEqual(findBytes(wal, secretsOf(gone)), []);
  });
});
