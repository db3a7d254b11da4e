// `agir-server copy --to postgres://…`: a PGlite database of 10,000 signatures (with consents, suspects,
// relay and mail outboxes, cases, an erased person) copied into a fresh PostgreSQL gives the same CLI
// exports byte for byte, read by a server started with the same key folder; a target holding data is
// refused without --force and replaced with it; a bad, foreign or unreachable URL is one line and exit 1.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { before, describe, test } from 'node:test';
import { petitionSchema, signatureResponseSchema } from '@agir/core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { SignatureRequest } from '@agir/core';
import { openStore, seal, type Store } from '../src/index.js';
import { fieldContext } from '../src/store.js';
import { addTarget } from '../src/relay.js';
import {
  type DatabaseChoice,
  freshPostgresDatabase,
  getJson,
  onCleanup,
  postSignature,
  runCli,
  serverBin,
  signature,
  startTestServer,
  tempDir,
} from './helpers.js';

const SIGNATURES = 10_000;

/** A port nothing listens on (taken, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A temporary folder in memory (/dev/shm) where there is one: the source's person keys are appended and
 * synced one by one as the server does, 10,000 fsyncs that cost 30 s or more on a disk.
 */
function fastTempDir(): string {
  if (!existsSync('/dev/shm')) return tempDir('agir-copy-');
  const dir = mkdtempSync('/dev/shm/agir-copy-');
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const hex = (bytes: Buffer | null): string | null => (bytes ? `\\x${bytes.toString('hex')}` : null);

/**
 * Signs `requests` on `petitionId` as Store.sign does, many rows to a statement: each person's key through
 * the store's key store, each personal field sealed with it under the same context, consents beside; then
 * the petition's counters recounted from the rows.
 */
async function bulkSign(store: Store, petitionId: string, requests: readonly SignatureRequest[]): Promise<void> {
  await store.db.transaction(async (tx) => {
    const rows = [];
    for (const request of requests) {
      const index = store.emailIndex(request.person.email);
      const key = await store.keys.people.obtain(index, tx);
      const sealed = (field: string, value: string | undefined) =>
        value ? hex(seal(key, value, fieldContext('signatures', petitionId, request.idempotencyKey, field))) : null;
      const { person, source, client } = request;
      rows.push({
        petition_id: petitionId,
        idempotency_key: request.idempotencyKey,
        email_index: hex(index),
        email_sealed: sealed('email', person.email),
        given_name_sealed: sealed('given_name', person.givenName),
        family_name_sealed: sealed('family_name', person.familyName),
        country: person.country,
        postal_code_sealed: sealed('postal_code', person.postalCode),
        phone_sealed: sealed('phone', person.phone),
        comment_sealed: sealed('comment', request.comment),
        locale: request.locale,
        source_url: source.url,
        source_referrer_sealed: sealed('source_referrer', source.referrer),
        source_utm: source.utm ?? null,
        source_embed: source.embed ?? null,
        started_at: client.startedAt,
        submitted_at: client.submittedAt,
        consents: request.consents,
      });
    }
    await tx.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x (petition_id text, idempotency_key uuid, email_index bytea, email_sealed bytea,
           given_name_sealed bytea, family_name_sealed bytea, country text, postal_code_sealed bytea, phone_sealed bytea, comment_sealed bytea,
           locale text, source_url text, source_referrer_sealed bytea, source_utm jsonb, source_embed text, started_at timestamptz,
           submitted_at timestamptz, consents jsonb)
       ), signature AS (
         INSERT INTO signatures (petition_id, idempotency_key, email_index, email_sealed, given_name_sealed, family_name_sealed, country,
           postal_code_sealed, phone_sealed, comment_sealed, locale, source_url, source_referrer_sealed, source_utm, source_embed, started_at,
           submitted_at, response_count)
         SELECT petition_id, idempotency_key, email_index, email_sealed, given_name_sealed, family_name_sealed, country, postal_code_sealed,
           phone_sealed, comment_sealed, locale, source_url, source_referrer_sealed, source_utm, source_embed, started_at, submitted_at, 0
         FROM input RETURNING id, idempotency_key
       )
       INSERT INTO consents (signature_id, consent_id, granted, text, version, state)
       SELECT signature.id, c.id, c.granted, c.text, c.version, CASE WHEN c.granted THEN 'pending' END
       FROM signature JOIN input USING (idempotency_key),
         jsonb_to_recordset(input.consents) AS c (id text, granted boolean, text text, version text)`,
      [JSON.stringify(rows)],
    );
    await tx.query(
      `INSERT INTO petition_countries (petition_id, country, signatures)
         SELECT petition_id, country, count(*) FROM signatures WHERE petition_id = $1 GROUP BY petition_id, country
       ON CONFLICT (petition_id, country) DO UPDATE SET signatures = excluded.signatures`,
      [petitionId],
    );
    await tx.query(
      `UPDATE petitions SET signature_count = (SELECT count(*) FROM signatures WHERE petition_id = $1),
         country_count = (SELECT count(*) FROM petition_countries WHERE petition_id = $1) WHERE id = $1`,
      [petitionId],
    );
  });
}

/** The outputs of the read-only CLI commands that show what a database holds. */
async function views(database: DatabaseChoice): Promise<Record<string, string>> {
  const shown: Record<string, string> = {};
  for (const args of [
    ['signatures', 'export', '--petition', 'big'],
    ['signatures', 'export', '--petition', 'small'],
    ['petition', 'list'],
    ['petition', 'show', 'big'],
    ['petition', 'show', 'small'],
    ['suspects', 'list'],
    ['relay', 'list'],
    ['relay', 'status'],
    ['mail', 'status'],
  ]) {
    const result = await runCli(database, args);
    assert.equal(result.code, 0, `${args.join(' ')}: ${result.err}`);
    shown[args.join(' ')] = result.out;
  }
  return shown;
}

const countsOf = (out: string): Map<string, [number, number]> =>
  new Map(
    out
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [table, source, target] = line.split('\t');
        return [table!, [Number(source), Number(target)]];
      }),
  );

describe('agir-server copy (PGlite to PostgreSQL)', () => {
  const source = { dataDir: `${fastTempDir()}/db` };
  // The target is read with the source's key folder: the same data key, as the copy's message says.
  const keyDir = `${source.dataDir}.keys`;
  let targetUrl: string;
  let erasedEmail: string;
  /** What the source's CLI shows (it does not change after `before`). */
  let sourceViews: Record<string, string>;

  before(async () => {
    const started = Date.now();
    const store = await openStore({ ...source, onNotice: () => undefined });
    try {
      await store.createPetition({ id: 'big', title: 'Big petition', locale: 'fr', goal: 20_000, baselineSignatures: 120 });
      await store.createPetition({ id: 'small', title: 'Small petition', locale: 'en', goal: null, corsOrigins: ['https://example.org'] });
      await addTarget(store.db, {
        petitionId: 'small',
        kind: 'webhook',
        url: 'https://crm.example.org/hook',
        secretEnv: 'HOOK_SECRET',
        tags: [],
        consentId: 'newsletter',
        allSigners: false,
      });
      await store.upsertCases([
        {
          id: 'case-1',
          name: 'Case one',
          isGroup: false,
          country: 'CN',
          category: ['arbitrary-detention'],
          status: { kind: 'detained' },
          summary: 'Detained since 2017.',
          updatedAt: '2026-11-01T00:00:00Z',
          locale: 'en',
        },
      ] as never);
      const requests = Array.from({ length: SIGNATURES }, (_, i) =>
        signature({
          person: {
            country: ['FR', 'DE', 'UG', 'CN'][i % 4]!,
            ...(i % 3 === 0 ? { phone: '+33 6 12 34 56 78', postalCode: '75011' } : {}),
          },
          ...(i % 7 === 0 ? { comment: `Comment ${i}, "quoted"` } : {}),
          consents: [{ id: 'newsletter', granted: i % 2 === 0, text: 'Je veux recevoir les nouvelles.', version: '2026-11' }],
          source: { url: 'https://example.org/petition', referrer: 'https://news.example.org/', utm: { source: 'mail' } },
        }),
      );
      // The first 300 through the server's write path (Store.sign): 100 on "small", relayed (relay outbox),
      // 200 on "big" with a confirmation email each (mail outbox).
      await store.db.transaction(async (tx) => {
        for (const [i, request] of requests.slice(0, 300).entries()) {
          store.mailEnabled = i >= 100;
          assert.equal((await store.sign(i < 100 ? 'small' : 'big', request, tx)).kind, 'created');
        }
      });
      store.mailEnabled = false;
      // The other 9,700 in batches of 500 rows, sealed the same way (bulkSign).
      for (let i = 300; i < SIGNATURES; i += 500) await bulkSign(store, 'big', requests.slice(i, i + 500));
      store.mailEnabled = false;
      await store.recordSuspect('big', signature(), 'honeypot');
      erasedEmail = requests[5_000]!.person.email;
      const erased = await store.erasePerson(erasedEmail);
      assert.equal(erased.signatures, 1);
    } finally {
      await store.db.close();
    }
    console.log(`# ${SIGNATURES} signatures written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    targetUrl = await freshPostgresDatabase();
    sourceViews = await views(source);
  });

  test('copies every table into a fresh PostgreSQL: the same counts, the same exports byte for byte, a server on it goes on', async () => {
    let started = Date.now();
    const copied = await runCli(source, ['copy', '--to', targetUrl]);
    console.log(`# copy took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.equal(copied.code, 0, copied.err);
    const counts = countsOf(copied.out);
    for (const table of [
      'petitions',
      'signatures',
      'consents',
      'suspect_signatures',
      'person_keys',
      'relay_outbox',
      'mail_outbox',
      'cases',
    ]) {
      assert.ok(counts.has(table), `${table} is in the report:\n${copied.out}`);
    }
    for (const [table, [here, there]] of counts) assert.equal(there, here, `${table}: ${here} in the source, ${there} in the target`);
    assert.equal(counts.get('signatures')?.[0], SIGNATURES - 1); // one person erased
    assert.equal(counts.get('person_keys')?.[0], SIGNATURES); // the erased person's key is gone; one suspect's is there
    assert.equal(counts.get('mail_outbox')?.[0], 200);
    assert.equal(counts.get('relay_outbox')?.[0], 100);
    assert.match(copied.err, /copied \d+ rows into postgres:\/\/.*the same count on both sides/);
    assert.match(copied.err, new RegExp(`--key-dir ${keyDir.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

    const target: DatabaseChoice = { databaseUrl: targetUrl, keyDir };
    started = Date.now();
    const [before, after] = [sourceViews, await views(target)];
    console.log(`# the target's exports took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const name of Object.keys(before)) assert.ok(after[name] === before[name], `${name} differs after the copy`);
    // What was compared holds the data: every signature but the erased one, readable, in plain text.
    const big = before['signatures export --petition big']!;
    assert.equal(big.trim().split('\r\n').length, 1 + SIGNATURES - 100 - 1);
    assert.ok(big.includes('Comment 7000, ""quoted""'));
    assert.ok(!big.includes(erasedEmail));
    assert.match(before['suspects list']!, /honeypot/);

    // A server started on the copy with the same key folder counts on: its new signature gets the next id.
    const server = await startTestServer(target);
    const posted = await postSignature(server.url, 'big', signature());
    assert.equal(posted.status, 201);
    assert.equal(signatureResponseSchema.parse(posted.body).signatureCount, 120 + SIGNATURES - 100 - 1 + 1);
    const petition = petitionSchema.parse((await getJson(`${server.url}/api/v1/petitions/big`)).body);
    assert.equal(petition.signatureCount, 120 + SIGNATURES - 100);
    const [ids] = await server.app.store.db.query<{ newest: number; before: number }>(
      "SELECT max(id)::int AS newest, (SELECT max(id) FROM signatures WHERE petition_id = 'small')::int AS before FROM signatures",
    );
    assert.equal(ids?.newest, SIGNATURES + 1, 'the sequence went on where the source left it');
    assert.ok((ids?.before ?? 0) < SIGNATURES);
    await server.close();
  });

  test('refuses a target that holds data without --force, and replaces it with --force; a PostgreSQL copies on the same way', async () => {
    const refused = await runCli(source, ['copy', '--to', targetUrl]);
    assert.equal(refused.code, 1);
    assert.match(
      refused.err,
      /^agir-server: the target postgres:\/\/\S+ is not empty \(.*signatures: \d+.*\): nothing copied; give --force to replace what it holds\n$/,
    );
    assert.equal(refused.out, '');

    const forced = await runCli(source, ['copy', '--to', targetUrl, '--force']);
    assert.equal(forced.code, 0, forced.err);
    assert.match(forced.err, /replacing the \d+ rows it held/);
    for (const [table, [here, there]] of countsOf(forced.out)) assert.equal(there, here, table);
    // The signature written on the target since is gone: it is the source again.
    const target: DatabaseChoice = { databaseUrl: targetUrl, keyDir };
    // The source did not change: its views are the ones read before the tests.
    const [before, after] = [sourceViews, await views(target)];
    for (const name of Object.keys(before)) assert.ok(after[name] === before[name], `${name} differs after copy --force`);

    // And on from PostgreSQL to another PostgreSQL (the person keys are then a table like the others).
    const next: DatabaseChoice = { databaseUrl: await freshPostgresDatabase(), keyDir };
    const again = await runCli(target, ['copy', '--to', next.databaseUrl]);
    assert.equal(again.code, 0, again.err);
    for (const [table, [here, there]] of countsOf(again.out)) assert.equal(there, here, table);
    assert.equal(countsOf(again.out).get('person_keys')?.[1], SIGNATURES);
    const third = await views(next);
    for (const name of Object.keys(before)) assert.ok(third[name] === before[name], `${name} differs after a copy from PostgreSQL`);
  });

  test('a bad, foreign or unreachable target: one line, exit 1, nothing copied', async () => {
    const port = await closedPort();
    const cases: Array<[string, RegExp]> = [
      [
        'not a url',
        /^agir-server: --to must be a PostgreSQL URL such as postgres:\/\/user:password@host:5432\/database, got "\(an unreadable URL\)"\n$/,
      ],
      ['mysql://root:secret@localhost/db', /^agir-server: --to must be a PostgreSQL URL .*got a mysql: URL\n$/],
      [
        `postgres://agir:secret@127.0.0.1:${port}/agir`,
        /^agir-server: cannot connect to the target postgres:\/\/agir:\*\*\*@127\.0\.0\.1:\d+\/agir: .*ECONNREFUSED.*\n$/,
      ],
    ];
    for (const [url, expected] of cases) {
      const result = await runCli(source, ['copy', '--to', url]);
      assert.equal(result.code, 1, url);
      assert.match(result.err, expected);
      assert.ok(!result.err.includes('secret'), 'the password is not shown');
    }
    const missing = await runCli(source, ['copy']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /copy needs --to URL/);
    const help = await runCli(source, ['help']);
    assert.match(help.err, /copy --to URL \[--force\] +Copy this database/);

    // The real process: the same single line, no stack trace.
    const real = spawnSync(
      process.execPath,
      [serverBin, 'copy', '--to', `postgres://127.0.0.1:${port}/agir`, '--data-dir', source.dataDir],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(real.status, 1);
    assert.match(real.stderr, /^agir-server: cannot connect to the target postgres:\/\/127\.0\.0\.1:\d+\/agir: .*\n$/);
    assert.doesNotMatch(real.stderr, /\n\s+at /);
  });
});

describe('after copy, an erasure on PostgreSQL reaches the PGlite folder it came from', () => {
  test("person erase and suspects reject on the copy destroy the person's key in the key folder's person-keys too", async () => {
    const source = { dataDir: `${tempDir('agir-copy-erase-')}/db` };
    const keyDir = `${source.dataDir}.keys`;
    const [gone, stays, bot] = [signature(), signature(), signature()];
    const store = await openStore({ ...source, onNotice: () => undefined });
    try {
      await store.createPetition({ id: 'water', title: 'Water', locale: 'fr' });
      for (const request of [gone, stays]) assert.equal((await store.sign('water', request)).kind, 'created');
      await store.recordSuspect('water', bot, 'honeypot');
    } finally {
      await store.db.close();
    }
    const target: DatabaseChoice = { databaseUrl: await freshPostgresDatabase(), keyDir };
    const copied = await runCli(source, ['copy', '--to', target.databaseUrl]);
    assert.equal(copied.code, 0, copied.err);
    assert.match(
      copied.err,
      /\/db still opens with \S+\.keys\/person-keys: an erasure on PostgreSQL \(person erase, suspects reject\) destroys the person's key in that file too when run with --key-dir \S+\.keys; once you will not go back to PGlite, delete \S+\/db and that file\n$/,
    );

    const erased = await runCli(target, ['person', 'erase', '--email', gone.person.email]);
    assert.equal(erased.code, 0, erased.err);
    assert.match(erased.err, /erased 1 signature\(s\) on water .*; their key is destroyed/);
    const listed = await runCli(target, ['suspects', 'list']);
    const suspectId = listed.out.split('\n')[1]?.split('\t')[0] ?? '';
    const rejected = await runCli(target, ['suspects', 'reject', suspectId]);
    assert.equal(rejected.code, 0, rejected.err);
    assert.match(rejected.err, /destroyed 1 person key/);

    // The old folder, with the same key folder: the erased signer and the rejected sender no longer open.
    const old = await runCli(source, ['signatures', 'export', '--petition', 'water']);
    assert.equal(old.code, 0, old.err);
    assert.ok(old.out.includes(stays.person.email), 'the old folder still reads those who stay');
    assert.ok(!old.out.includes(gone.person.email));
    assert.match(old.err, /left out 1 signature\(s\) whose person key is gone/);
    const oldStore = await openStore(source);
    try {
      const keyOf = (email: string) => oldStore.keys.people.find(oldStore.emailIndex(email), oldStore.db);
      assert.equal(await keyOf(gone.person.email), undefined);
      assert.equal(await keyOf(bot.person.email), undefined);
      assert.ok(await keyOf(stays.person.email));
    } finally {
      await oldStore.db.close();
    }
  });
});
