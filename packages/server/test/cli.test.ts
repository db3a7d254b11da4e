// The operator CLI, on PGlite and on PostgreSQL: petitions, cases import (all or nothing, naming the bad
// record and field), the CSV export (round trip, quoting, formula-injection safe) and GDPR erasure.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { SignatureRequest } from '@agir/core';

import { openDatabase, openStore, type Store } from '../src/index.js';
import { backends, type DatabaseChoice, parseCsv, repoRoot, runCli, serverBin, signature, tempDir } from './helpers.js';

const seedFile = fileURLToPath(new URL('../seed/xinjiang.json', import.meta.url));

/** Runs the CLI in-process against `database`; resolves with its exit code and output. */
const cli = (database: DatabaseChoice, ...args: string[]) => runCli(database, args);

async function withStore<T>(database: DatabaseChoice, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(database);
  try {
    return await work(store);
  } finally {
    await store.db.close();
  }
}

const validCase = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  isGroup: false,
  country: 'CN',
  category: ['arbitrary-detention'],
  status: { kind: 'detained' },
  summary: `${id} is detained.`,
  updatedAt: '2026-11-01T00:00:00Z',
  locale: 'en',
  ...extra,
});

/** Each `petition …` command is refused as a usage error (exit 2) saying `message`; a refused create creates nothing. */
async function refusedAsUsage(database: DatabaseChoice, message: RegExp, commands: string[][]): Promise<void> {
  for (const args of commands) {
    const refused = await cli(database, 'petition', ...args);
    assert.equal(refused.code, 2, args.join(' '));
    assert.match(refused.err, message);
    if (args[0] === 'create') assert.equal(await withStore(database, (store) => store.getPetition(args[2]!)), undefined, 'nothing created');
  }
}

/**
 * Runs the `agir-server` lines of the sh block after `<!-- name -->` in docs/server.md, as written (a petition
 * `xinjiang` is made first if missing); a `petition show` line's comment must be in what it prints.
 */
async function runDocsBlock(database: DatabaseChoice, name: string): Promise<void> {
  const docs = readFileSync(path.join(repoRoot, 'docs/server.md'), 'utf8');
  const block = new RegExp(`<!-- ${name} -->\\s*\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(docs)?.[1];
  assert.ok(block, `docs/server.md has the ${name} block`);
  await cli(database, 'petition', 'create', '--id', 'xinjiang', '--title', 'Xinjiang');
  for (const line of block.trim().split('\n')) {
    const [command, comment] = line.split(/\s+# /);
    const args = [...command!.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
    assert.equal(args.shift(), 'agir-server');
    const run = await cli(database, ...args);
    assert.equal(run.code, 0, `${line}: ${run.err}`);
    if (args[1] === 'show') assert.ok(run.out.includes(comment!.replace(' (…)', ' (')), `${line}\n${run.out}`);
  }
}

for (const backend of backends) {
  describe(`agir-server CLI (${backend.name})`, () => {
    let database: DatabaseChoice;
    let dir: string;

    before(async () => {
      database = await backend.fresh();
      dir = tempDir('agir-cli-');
      assert.equal((await cli(database, 'migrate')).code, 0);
    });

    test('a command on a folder or database with no Agir data (a mistyped --data-dir) says so and creates nothing; petition create may', async () => {
      const missing: DatabaseChoice = backend.name === 'pglite' ? { dataDir: path.join(dir, 'pglit') } : await backend.fresh();
      const expected =
        backend.name === 'pglite' ? /^agir-server: no database in \S*pglit: check --data-dir/ : /holds no Agir data: check --database-url/;
      for (const args of [
        ['person', 'erase', '--email', 'aynur@example.org'],
        ['petition', 'show', 'xinjiang'],
        ['signatures', 'export', '--petition', 'xinjiang'],
        ['suspects', 'list'],
      ]) {
        const run = await cli(missing, ...args);
        assert.deepEqual([run.code, run.out], [1, ''], args.join(' '));
        assert.match(run.err, expected, args.join(' '));
        assert.doesNotMatch(run.err, /erased|data key/, 'no erasure reported, no key made');
      }
      if ('dataDir' in missing)
        assert.deepEqual(
          readdirSync(dir).filter((name) => name.startsWith('pglit')),
          [],
          'no folder, no key folder',
        );
      else {
        const db = await openDatabase(missing);
        try {
          assert.deepEqual(await db.query("SELECT to_regclass('schema_migrations') AS t"), [{ t: null }], 'no table made');
        } finally {
          await db.close();
        }
      }
      // A first step before the server ever ran: creating a petition makes the database.
      const created = await cli(missing, 'petition', 'create', '--id', 'first', '--title', 'First');
      assert.equal(created.code, 0, created.err);
      assert.equal((await cli(missing, 'petition', 'show', 'first')).code, 0);
    });

    test('petition create, list and close', async () => {
      const created = await cli(
        database,
        'petition',
        'create',
        '--id',
        'water',
        '--title',
        'Water, for all',
        '--goal',
        '1000',
        '--locale',
        'en',
        '--cors-origins',
        'https://a.example,https://b.example/',
      );
      assert.equal(created.code, 0, created.err);
      assert.equal((await cli(database, 'petition', 'create', '--id', 'water', '--title', 'Again')).code, 1);
      assert.equal((await cli(database, 'petition', 'create', '--id', 'bad id!', '--title', 'x')).code, 2);
      assert.equal((await cli(database, 'petition', 'create', '--id', 'nogoal', '--title', 'x', '--goal', 'lots')).code, 2);

      const listed = await cli(database, 'petition', 'list');
      assert.match(listed.out, /^water\topen\t0\t0\t1000\tWater, for all$/m);
      assert.equal((await cli(database, 'petition', 'close', 'water')).code, 0);
      assert.match((await cli(database, 'petition', 'list')).out, /^water\tclosed\t/m);
      assert.equal((await cli(database, 'petition', 'close', 'nope')).code, 1);
      const petition = await withStore(database, (store) => store.getPetition('water'));
      assert.deepEqual(petition?.corsOrigins, ['https://a.example', 'https://b.example']);

      // An operator turns a petition's signature allow-list on, changes it, and turns it off.
      const restricted = await cli(database, 'petition', 'origins', 'water', 'https://c.example/, https://d.example');
      assert.equal(restricted.code, 0, restricted.err);
      assert.match(
        restricted.err,
        /petition water: signatures from browser pages on https:\/\/c\.example, https:\/\/d\.example, and on the origins of the server's own list/,
      );
      assert.match(
        (await cli(database, 'person', 'erase', '--email', 'notanemail')).err,
        /person erase: "notanemail" is not an email address/,
      );
      // update takes create's name for the list too.
      assert.equal((await cli(database, 'petition', 'update', 'water', '--cors-origins', 'https://e.example')).code, 0);
      assert.deepEqual((await withStore(database, (store) => store.getPetition('water')))?.corsOrigins, ['https://e.example']);
      assert.equal((await cli(database, 'petition', 'update', 'water', '--cors-origins', 'https://c.example, https://d.example')).code, 0);
      assert.deepEqual((await withStore(database, (store) => store.getPetition('water')))?.corsOrigins, [
        'https://c.example',
        'https://d.example',
      ]);
      const reopened = await cli(database, 'petition', 'origins', 'water', 'any');
      assert.equal(reopened.code, 0, reopened.err);
      assert.deepEqual((await withStore(database, (store) => store.getPetition('water')))?.corsOrigins, []);
      assert.equal((await cli(database, 'petition', 'origins', 'nope', 'https://c.example')).code, 1);
      const badOrigin = await cli(database, 'petition', 'origins', 'water', 'c.example');
      assert.equal(badOrigin.code, 2);
      assert.match(badOrigin.err, /"c\.example" is not an http\(s\) origin/);
      assert.equal((await cli(database, 'petition', 'origins', 'water')).code, 2);
    });

    test('petition --mail off: set at create or update, said when set, shown; anything but on or off refused', async () => {
      const created = await cli(database, 'petition', 'create', '--id', 'watched', '--title', 'Watched', '--mail', 'off');
      assert.equal(created.code, 0, created.err);
      assert.match(
        created.err,
        /^created petition watched: its signers are sent no email \(no thank-you, no confirmation link; under double opt-in nobody is subscribed\)$/m,
      );
      assert.equal((await withStore(database, (store) => store.getPetition('watched')))?.mailSigners, false);
      assert.match((await cli(database, 'petition', 'show', 'watched')).out, /^mail\toff: its signers are sent no email /m);

      assert.equal((await cli(database, 'petition', 'create', '--id', 'open-mail', '--title', 'Open')).code, 0);
      assert.equal((await withStore(database, (store) => store.getPetition('open-mail')))?.mailSigners, true, 'on by default');
      assert.match((await cli(database, 'petition', 'show', 'open-mail')).out, /^mail\ton \(/m);
      const off = await cli(database, 'petition', 'update', 'open-mail', '--mail', 'off');
      assert.equal(off.code, 0, off.err);
      assert.match(
        off.err,
        /^updated petition open-mail: mail on -> off; its signers are sent no email .*, and a mail still waiting is dropped$/m,
      );
      const on = await cli(database, 'petition', 'update', 'open-mail', '--mail', 'on');
      assert.match(on.err, /^updated petition open-mail: mail off -> on$/m);
      assert.equal((await withStore(database, (store) => store.getPetition('open-mail')))?.mailSigners, true);

      await refusedAsUsage(database, /--mail must be on or off, got "/, [
        ['create', '--id', 'maybe', '--title', 'Maybe', '--mail', 'no'],
        ['update', 'open-mail', '--mail', 'OFF '],
      ]);

      // The commands of docs/server.md ("Signers whose mail is watched"), as written there.
      await runDocsBlock(database, 'mail-off');
      assert.equal((await withStore(database, (store) => store.getPetition('uyghur-voices')))?.mailSigners, false);
      assert.equal((await withStore(database, (store) => store.getPetition('xinjiang')))?.mailSigners, false);
    });

    test('petition --count submissions: set at create or update, said when set, shown; anything but signers or submissions refused', async () => {
      const created = await cli(database, 'petition', 'create', '--id', 'quiet-count', '--title', 'Quiet', '--count', 'submissions');
      assert.equal(created.code, 0, created.err);
      assert.match(
        created.err,
        /^created petition quiet-count: its counts count submissions: an address that signs again is counted again \(stored once\), so the public count cannot tell whether an address had signed$/m,
      );
      assert.equal((await withStore(database, (store) => store.getPetition('quiet-count')))?.countRepeats, true);
      assert.match(
        (await cli(database, 'petition', 'show', 'quiet-count')).out,
        /^count\tsubmissions: an address that signs again is counted again/m,
      );

      const back = await cli(database, 'petition', 'update', 'quiet-count', '--count', 'signers');
      assert.match(back.err, /^updated petition quiet-count: count submissions -> signers$/m);
      assert.match(
        (await cli(database, 'petition', 'show', 'quiet-count')).out,
        /^count\tsigners \(each address once; the public count can tell whether an address had signed/m,
      );
      const again = await cli(database, 'petition', 'update', 'quiet-count', '--count', 'submissions');
      assert.match(again.err, /^updated petition quiet-count: count signers -> submissions; its counts count submissions: /m);

      const both = await cli(database, 'petition', 'create', '--id', 'both', '--title', 'Both', '--mail', 'off', '--count', 'submissions');
      assert.match(both.err, /^created petition both: its signers are sent no email .*; its counts count submissions: /m);

      await refusedAsUsage(database, /--count must be signers or submissions, got "/, [
        ['create', '--id', 'nope-count', '--title', 'Nope', '--count', 'unique'],
        ['update', 'quiet-count', '--count', ''],
      ]);

      // The commands of docs/server.md ("Counting submissions"), as written there.
      await cli(database, 'petition', 'update', 'xinjiang', '--count', 'signers');
      await runDocsBlock(database, 'count-submissions');
      assert.equal((await withStore(database, (store) => store.getPetition('xinjiang')))?.countRepeats, true);
    });

    test('cases import: a malformed file is rejected naming the record and the field, and nothing is imported', async () => {
      const bad = path.join(dir, 'bad-cases.json');
      writeFileSync(
        bad,
        JSON.stringify([
          validCase('first'),
          validCase('second', { status: { kind: 'vanished' } }),
          validCase('third', { photo: { src: 'javascript:alert(1)', alt: '', width: 1, height: 1 } }),
        ]),
      );
      const rejected = await cli(database, 'cases', 'import', bad);
      assert.equal(rejected.code, 1);
      assert.match(rejected.err, /record 1 \(id "second"\): status\.kind: /);
      assert.match(rejected.err, /record 2 \(id "third"\): photo\.src: expected an absolute http\(s\) URL/);
      assert.match(rejected.err, /nothing imported/);
      assert.equal(await withStore(database, async (store) => (await store.listCases({})).length), 0);

      const notJson = path.join(dir, 'not-json.json');
      writeFileSync(notJson, '[{"id": ');
      assert.equal((await cli(database, 'cases', 'import', notJson)).code, 1);

      const good = path.join(dir, 'cases.json');
      writeFileSync(good, JSON.stringify([validCase('first', { tags: ['water'] }), validCase('second')]));
      const imported = await cli(database, 'cases', 'import', good);
      assert.equal(imported.code, 0, imported.err);
      assert.match(imported.err, /imported 2 case/);
      const cases = await withStore(database, (store) => store.listCases({ tag: 'water' }));
      assert.deepEqual(
        cases.map((item) => (item as { id: string }).id),
        ['first'],
      );

      // A case as the seed file writes it (no updatedAt: the import stamps its own time), copied as it is.
      const seedCase = (JSON.parse(readFileSync(seedFile, 'utf8')) as { cases: Array<Record<string, unknown>> }).cases[0]!;
      assert.equal('updatedAt' in seedCase, false);
      const copied = path.join(dir, 'copied-case.json');
      writeFileSync(copied, JSON.stringify([seedCase]));
      const before = Date.now();
      const fromSeed = await cli(database, 'cases', 'import', copied);
      assert.equal(fromSeed.code, 0, fromSeed.err);
      const stored = (await withStore(database, (store) => store.listCases({ tag: 'xinjiang' }))) as Array<{
        id: string;
        updatedAt: string;
      }>;
      assert.deepEqual(
        stored.map((item) => item.id),
        [seedCase.id],
      );
      assert.ok(Date.parse(stored[0]!.updatedAt) >= before - 1000, `stamped with the import's time: ${stored[0]!.updatedAt}`);
    });

    test('signatures export: CSV with consents that parses back to the same values, formula-injection safe', async () => {
      assert.equal((await cli(database, 'petition', 'create', '--id', 'export-me', '--title', 'Export')).code, 0);
      const tricky: SignatureRequest = signature({
        person: {
          givenName: '=HYPERLINK("http://evil.example","clic")',
          familyName: 'O"Brien, Jr.',
          email: 'tricky@example.org',
          country: 'IE',
          phone: '+353 1 234 5678',
          postalCode: '-D02',
        },
        comment: 'Line one,\nline "two"\r\n@everyone',
        consents: [
          { id: 'newsletter', granted: true, text: 'Oui, « tenez-moi informé·e », merci.', version: '2026-11' },
          { id: 'sms', granted: false, text: 'SMS', version: 'v1' },
        ],
        source: { url: 'https://example.org/p', referrer: 'https://news.example/', utm: { utm_source: 'mail' }, embed: 'partner-1' },
      });
      const plain = signature({ person: { givenName: 'Anne', familyName: 'Plain', email: 'plain@example.org' }, consents: [] });
      await withStore(database, async (store) => {
        assert.equal((await store.sign('export-me', tricky)).kind, 'created');
        assert.equal((await store.sign('export-me', plain)).kind, 'created');
      });

      const exported = await cli(database, 'signatures', 'export', '--petition', 'export-me');
      assert.equal(exported.code, 0, exported.err);
      assert.ok(exported.out.endsWith('\r\n'));
      const [header, ...rows] = parseCsv(exported.out);
      const records = rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index]])));
      assert.equal(records.length, 2);
      const first = records[0]!;
      assert.equal(first.given_name, `'${tricky.person.givenName}`);
      assert.equal(first.family_name, 'O"Brien, Jr.');
      assert.equal(first.phone, `'+353 1 234 5678`);
      assert.equal(first.postal_code, `'-D02`);
      assert.equal(first.comment, 'Line one,\nline "two"\r\n@everyone');
      assert.equal(first.email, 'tricky@example.org');
      assert.equal(first.country, 'IE');
      assert.equal(first.source_referrer, 'https://news.example/');
      assert.equal(first.source_embed, 'partner-1');
      assert.deepEqual(JSON.parse(first.source_utm!), { utm_source: 'mail' });
      assert.equal(first.consent_newsletter_granted, 'true');
      assert.equal(first.consent_newsletter_text, 'Oui, « tenez-moi informé·e », merci.');
      assert.equal(first.consent_newsletter_version, '2026-11');
      assert.equal(first.consent_sms_granted, 'false');
      assert.ok(!Number.isNaN(Date.parse(first.signed_at!)));
      const second = records[1]!;
      assert.deepEqual([second.given_name, second.consent_newsletter_granted, second.consent_newsletter_text], ['Anne', '', '']);
      // No cell a spreadsheet would evaluate.
      for (const row of rows) for (const cell of row) assert.ok(!/^[=+\-@]/.test(cell), cell);

      assert.equal((await cli(database, 'signatures', 'export', '--petition', 'nope')).code, 1);
      assert.ok((await cli(database, 'signatures', 'export', '--petition', 'export-me', '--bom')).out.startsWith('\uFEFFsigned_at,'));
    });

    test('person erase: deletes their signatures, consents and suspect records on every petition, and takes them off the counts', async () => {
      assert.equal(
        (
          await cli(
            database,
            'petition',
            'create',
            '--id',
            'erase-a',
            '--title',
            'A',
            '--baseline-signatures',
            '50',
            '--baseline-countries',
            '1',
          )
        ).code,
        0,
      );
      assert.equal((await cli(database, 'petition', 'create', '--id', 'erase-b', '--title', 'B')).code, 0);
      const email = `Gone.${randomUUID()}@Example.org`;
      await withStore(database, async (store) => {
        await store.sign('erase-a', signature({ person: { email, country: 'NO' } }));
        await store.sign('erase-a', signature({ person: { country: 'FR' } }));
        await store.sign('erase-b', signature({ person: { email: email.toLowerCase(), country: 'NO' } }));
        await store.recordSuspect('erase-b', signature({ person: { email } }), 'trap');
        const a = await store.getPetition('erase-a');
        const b = await store.getPetition('erase-b');
        assert.deepEqual([a?.signatureCount, b?.signatureCount, b?.countryCount], [52, 1, 1]);
      });

      const erased = await cli(database, 'person', 'erase', '--email', ` ${email.toUpperCase()} `);
      assert.equal(erased.code, 0, erased.err);
      assert.match(erased.err, /erased 2 signature\(s\) on erase-a, erase-b .* and 1 suspect record/);

      await withStore(database, async (store) => {
        for (const table of ['signatures', 'suspect_signatures']) {
          const rows = await store.db.query(`SELECT 1 FROM ${table} WHERE email_index = $1`, [store.emailIndex(email)]);
          assert.equal(rows.length, 0, table);
        }
        assert.equal(await store.keys.people.find(store.emailIndex(email), store.db), undefined, 'the person key is destroyed');
        const orphans = await store.db.query('SELECT 1 FROM consents c LEFT JOIN signatures s ON s.id = c.signature_id WHERE s.id IS NULL');
        assert.equal(orphans.length, 0);
        const a = await store.getPetition('erase-a');
        const b = await store.getPetition('erase-b');
        assert.deepEqual([a?.signatureCount, b?.signatureCount, b?.countryCount], [51, 0, 0]);
        const [countries] = await store.db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM petition_countries WHERE petition_id = 'erase-a'",
        );
        assert.equal(countries?.n, 1, 'NO is gone from erase-a, FR stays');
      });
      const again = await cli(database, 'person', 'erase', '--email', email);
      assert.match(again.err, /erased 0 signature/);
    });
  });
}

test('start refuses a --public-url or --privacy-url that is not an http(s) address, and says what it wants', async () => {
  for (const url of ['ftp://agir.example.org', 'agir.example.org', 'javascript:alert(1)']) {
    const refused = await runCli(await backends[0]!.fresh(), ['start', '--port', '0', '--public-url', url]);
    assert.equal(refused.code, 2, url);
    assert.match(refused.err, /--public-url must be the server's public http\(s\) address, such as https:\/\/agir\.example\.org/);
    const privacy = await runCli(await backends[0]!.fresh(), ['start', '--port', '0', '--privacy-url', url]);
    assert.equal(privacy.code, 2, url);
    assert.match(privacy.err, /--privacy-url must be your privacy notice's http\(s\) address/);
  }
  // The same from the environment.
  const fromEnv = await runCli(await backends[0]!.fresh(), ['start', '--port', '0'], { AGIR_PUBLIC_URL: 'agir.example.org' });
  assert.equal(fromEnv.code, 2);
  assert.match(fromEnv.err, /--public-url must be/);
});

test('the agir-server binary prints its usage and refuses unknown commands', () => {
  const help = spawnSync(process.execPath, [serverBin, 'help'], { encoding: 'utf8' });
  assert.equal(help.status, 0);
  assert.match(help.stderr, /agir-server <command>/);
  const unknown = spawnSync(process.execPath, [serverBin, 'frobnicate'], { encoding: 'utf8' });
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown command "frobnicate"/);
});
