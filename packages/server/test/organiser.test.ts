// Issue 20, the organisation's side, on PGlite and on PostgreSQL: reviewing the submissions judged automated
// (list, accept once, deduplicated by email, reject with their data), changing a petition after its creation
// (update/show, validated like create) and seeing it on open streams, and the operator routes (bearer
// token, 404 without one, 401 with WWW-Authenticate, never CORS-allowed, never cached).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import type { SignatureRequest } from '@agir/core';

import { openStore, type RunningServer, type ServerOptions, type Store } from '../src/index.js';
import { corsRoute } from '../src/security.js';
import {
  backends,
  countOf,
  type DatabaseChoice,
  dbArgs,
  getJson,
  openSse,
  parseCsv,
  postSignature,
  repoRoot,
  runCli,
  serverBin,
  signature,
  startTestServer,
} from './helpers.js';

/** Runs the CLI in-process against `database`; resolves with its exit code and output. */
const cli = (database: DatabaseChoice, ...args: string[]) => runCli(database, args);

/** Runs the real `agir-server` in another process; resolves with its exit code and output. */
function cliProcess(database: DatabaseChoice, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [serverBin, ...args, ...dbArgs(database)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => void (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

async function withStore<T>(database: DatabaseChoice, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(database);
  try {
    return await work(store);
  } finally {
    await store.db.close();
  }
}

/** Runs `work` against a server on `database`, closed afterwards (PGlite: the CLI may open the folder again). */
async function withServer<T>(database: DatabaseChoice, options: ServerOptions, work: (server: RunningServer) => Promise<T>): Promise<T> {
  const server = await startTestServer(database, { rateLimit: false, ...options });
  try {
    return await work(server);
  } finally {
    await server.close();
  }
}

/** A submission judged automated: filled in half a second. */
const tooFast = (overrides: Parameters<typeof signature>[0] = {}): SignatureRequest => {
  const request = signature(overrides);
  const submitted = Date.parse(request.client.submittedAt);
  return { ...request, client: { ...request.client, startedAt: new Date(submitted - 500).toISOString() } };
};

const rows = (table: string) => (text: string) => text.split('\n').filter((line) => line && !line.startsWith(`${table}\t`));
const OPERATOR_TOKEN = 'operator-token-for-tests-0123456789abcdef';

for (const backend of backends) {
  describe(`the organisation's side (${backend.name})`, () => {
    let database: DatabaseChoice;

    before(async () => {
      database = await backend.fresh();
    });

    test('suspects: list shows the minimum, accept counts once and dedupes by email, reject deletes with the personal data', async () => {
      const honeypot = signature({ person: { email: 'honey.bot@spam.example', givenName: 'Xq', familyName: 'Zzz' } });
      const bot = { ...honeypot, client: { ...honeypot.client, trap: 'http://spam.example/\u001b[31mbuy' } };
      const autofilled = tooFast({ person: { email: 'marie.curie@example.org', givenName: 'Marie', familyName: 'Curie' } });
      const counted = signature({ person: { email: 'paul@example.org', givenName: 'Paul' } });
      const again = tooFast({ person: { email: '  PAUL@Example.org ', givenName: 'Paul' } }); // the same person, by the blind index
      const elsewhere = tooFast({ person: { email: 'ines@example.org', givenName: 'Inès', familyName: 'Martins' } });

      await withServer(database, {}, async (server) => {
        for (const id of ['review', 'review-b']) {
          const created = await server.app.store.createPetition({ id, title: id, locale: 'fr', goal: 100 });
          assert.ok(created);
        }
        // Every one of them gets an ordinary-looking answer; only `counted` counts.
        assert.deepEqual((await postSignature(server.url, 'review', bot)).body, { signatureCount: 0, duplicate: false });
        assert.equal((await postSignature(server.url, 'review', autofilled)).status, 201);
        assert.deepEqual((await postSignature(server.url, 'review', counted)).body, { signatureCount: 1, duplicate: false });
        assert.deepEqual((await postSignature(server.url, 'review', again)).body, { signatureCount: 1, duplicate: false });
        assert.equal((await postSignature(server.url, 'review-b', elsewhere)).status, 201);
      });

      const listed = await cli(database, 'suspects', 'list');
      assert.equal(listed.code, 0, listed.err);
      const lines = rows('id')(listed.out);
      assert.equal(lines.length, 4, listed.out);
      assert.match(listed.out, /^id\tpetition\treceived\treason\tfill_ms\tname\temail\tcountry\ttrap\talready_signed$/m);
      const byName = (name: string) => lines.find((line) => line.includes(`\t${name}\t`))?.split('\t') ?? [];
      const [botId, , , botReason, , , botEmail, , botTrap, botSigned] = byName('Xq Z.');
      assert.equal(botReason, 'trap');
      assert.equal(botEmail, 'h…@spam.example');
      assert.equal(botTrap, 'http://spam.example/\uFFFD[31mbuy', 'control characters never reach the terminal');
      assert.equal(botSigned, 'no');
      const [marieId, , , marieReason, marieFill, , marieEmail] = byName('Marie C.');
      assert.equal(marieReason, 'too_fast');
      assert.equal(marieFill, '500');
      assert.equal(marieEmail, 'm…@example.org');
      const [paulId, , , , , , , , , paulSigned] = byName('Paul S.');
      assert.equal(paulSigned, 'yes', 'the operator sees that accepting it would count nothing');
      const [inesId, inesPetition] = byName('Inès M.');
      assert.equal(inesPetition, 'review-b');
      for (const secret of ['marie.curie', 'Curie', 'paul@example.org', 'honey.bot', 'ines@'])
        assert.ok(!listed.out.includes(secret), secret);
      assert.match(listed.err, /4 suspect submissions waiting for review/);

      const onlyB = await cli(database, 'suspects', 'list', '--petition', 'review-b');
      assert.deepEqual(
        rows('id')(onlyB.out).map((line) => line.split('\t')[0]),
        [inesId],
      );
      assert.equal((await cli(database, 'suspects', 'list', '--petition', 'nope')).code, 1);

      // Accepting Marie counts her once: the count moves from 1 to 2, and a second accept finds nothing.
      const accepted = await cli(database, 'suspects', 'accept', marieId!);
      assert.equal(accepted.code, 0, accepted.err);
      assert.match(accepted.err, new RegExp(`^suspect ${marieId}: accepted and counted; review now at 2 signatures$`, 'm'));
      const twice = await cli(database, 'suspects', 'accept', marieId!);
      assert.equal(twice.code, 1);
      assert.match(twice.err, new RegExp(`suspect ${marieId}: no such suspect \\(reviewed already, or never was\\)`));
      assert.equal((await withStore(database, (store) => store.getCounts('review')))?.signatureCount, 2);

      // Paul signed already: accepted, deduplicated by the blind email index, the count stays, and the CLI says so.
      const deduped = await cli(database, 'suspects', 'accept', paulId!);
      assert.equal(deduped.code, 0, deduped.err);
      assert.match(
        deduped.err,
        new RegExp(
          `suspect ${paulId}: accepted, but this email already signed review: deduplicated, not counted again \\(review stays at 2\\)`,
        ),
      );
      assert.equal((await withStore(database, (store) => store.getCounts('review')))?.signatureCount, 2);

      // Marie is a signer like any other: in the export, decrypted, once.
      const exported = await cli(database, 'signatures', 'export', '--petition', 'review');
      const emails = parseCsv(exported.out)
        .slice(1)
        .map((row) => row[4]);
      assert.deepEqual(emails.sort(), ['marie.curie@example.org', 'paul@example.org']);

      // The bot is rejected: its row (and the sealed request in it) is gone.
      const rejected = await cli(database, 'suspects', 'reject', botId!, '999999');
      assert.equal(rejected.code, 1, 'one id was not found');
      assert.match(rejected.err, new RegExp(`suspect ${botId} \\(review\\): rejected, deleted with its personal data`));
      assert.match(rejected.err, /suspect 999999: no such suspect/);
      const left = await withStore(database, (store) => store.db.query<{ id: number }>('SELECT id FROM suspect_signatures ORDER BY id'));
      assert.deepEqual(
        left.map((row) => String(row.id)),
        [inesId],
      );
      assert.equal((await withStore(database, (store) => store.getCounts('review')))?.signatureCount, 2);

      // A closed petition's suspect stays for review until the petition is reopened.
      assert.equal((await cli(database, 'petition', 'update', 'review-b', '--status', 'closed')).code, 0);
      const onClosed = await cli(database, 'suspects', 'accept', inesId!);
      assert.equal(onClosed.code, 1);
      assert.match(
        onClosed.err,
        /petition review-b is closed, nothing counted \(reopen it with agir-server petition update review-b --status open\)/,
      );
      assert.equal((await cli(database, 'petition', 'update', 'review-b', '--status', 'open')).code, 0);
      assert.match((await cli(database, 'suspects', 'accept', inesId!)).err, /accepted and counted; review-b now at 1 signatures/);
      assert.match((await cli(database, 'suspects', 'list')).err, /no suspect submission waiting for review/);

      // Usage errors name the problem and change nothing.
      const bad = await cli(database, 'suspects', 'accept', '12x');
      assert.equal(bad.code, 2);
      assert.match(bad.err, /a suspect id must be a whole number >= 1, got "12x"/);
      assert.equal((await cli(database, 'suspects', 'reject')).code, 2);
      assert.equal((await cli(database, 'suspects', 'approve', '1')).code, 2);
    });

    test('a suspect whose sealed data does not open is listed as unreadable, cannot be accepted, and can be rejected', async () => {
      await withServer(database, {}, async (server) => {
        assert.ok(await server.app.store.createPetition({ id: 'tampered', title: 'Tampered', locale: 'fr', goal: 10 }));
        assert.equal((await postSignature(server.url, 'tampered', tooFast({ person: { givenName: 'Zoé' } }))).status, 201);
        // One bit of the sealed request flipped: AES-GCM refuses it.
        await server.app.store.db.query(
          `UPDATE suspect_signatures SET request_sealed = set_byte(request_sealed, 20, get_byte(request_sealed, 20) # 1) WHERE petition_id = 'tampered'`,
        );
      });
      const listed = await cli(database, 'suspects', 'list', '--petition', 'tampered');
      assert.equal(listed.code, 0, listed.err);
      const [line] = rows('id')(listed.out);
      assert.match(line!, /^\d+\ttampered\t\S+\ttoo_fast\t\t\(unreadable: person erased or data altered\)/);
      assert.ok(!listed.out.includes('Zoé'));
      const id = line!.split('\t')[0]!;
      const accepted = await cli(database, 'suspects', 'accept', id);
      assert.equal(accepted.code, 1);
      assert.match(accepted.err, new RegExp(`suspect ${id}: cannot be read \\(its person was erased, or its data altered\\): reject it`));
      assert.equal((await withStore(database, (store) => store.getCounts('tampered')))?.signatureCount, 0);
      assert.equal((await cli(database, 'suspects', 'reject', id)).code, 0);
      assert.match(
        (await cli(database, 'suspects', 'list', '--petition', 'tampered')).err,
        /no suspect submission waiting for review on tampered/,
      );
    });

    test('petition update and show: validated like petition create, with the same messages', async () => {
      assert.equal((await cli(database, 'petition', 'create', '--id', 'water', '--title', 'Water', '--goal', '1000')).code, 0);
      const same = async (createArgs: string[], updateArgs: string[], message: RegExp) => {
        const created = await cli(database, 'petition', 'create', '--id', 'water-x', '--title', 'x', ...createArgs);
        const updated = await cli(database, 'petition', 'update', 'water', ...updateArgs);
        assert.equal(created.code, 2, created.err);
        assert.equal(updated.code, 2, updated.err);
        assert.match(created.err, message);
        assert.match(updated.err, message);
      };
      await same(['--goal', '0'], ['--goal', '0'], /--goal must be a whole number >= 1, got "0"/);
      await same(['--goal', 'lots'], ['--goal', 'lots'], /--goal must be a whole number >= 1, got "lots"/);
      const created = await cli(database, 'petition', 'create', '--id', 'water-y', '--title', '   ');
      const updated = await cli(database, 'petition', 'update', 'water', '--title', '   ');
      assert.equal(created.code, 2);
      assert.equal(updated.code, 2);
      assert.match(created.err, /--title is required \(at most 500 characters\)/);
      assert.match(updated.err, /--title is required \(at most 500 characters\)/);
      assert.match((await cli(database, 'petition', 'update', 'water', '--title', 'a\u0000b')).err, /--title: /);
      const long = await cli(database, 'petition', 'update', 'water', '--title', '\u{1F319}'.repeat(251));
      assert.equal(long.code, 2);
      assert.match(long.err, /--title is too long: 502 characters, at most 500 \(an emoji or a rarer script's character counts two\)/);
      const moon = await cli(database, 'petition', 'create', '--id', 'moon', '--title', '\u{1F319}'.repeat(250));
      assert.equal(moon.code, 0, `the limit itself is allowed: ${moon.err}`);
      assert.match(
        (await cli(database, 'petition', 'update', 'water', '--origins', 'c.example')).err,
        /--origins: "c\.example" is not an http\(s\) origin/,
      );
      assert.match(
        (await cli(database, 'petition', 'update', 'water', '--status', 'paused')).err,
        /--status must be open or closed, got "paused"/,
      );
      assert.match(
        (await cli(database, 'petition', 'update', 'water', '--baseline=-3')).err,
        /--baseline must be a whole number >= 0, got "-3"/,
      );
      assert.match((await cli(database, 'petition', 'update', 'water')).err, /petition update needs at least one of --title/);
      const missing = await cli(database, 'petition', 'update', 'nope', '--goal', '5');
      assert.equal(missing.code, 1);
      assert.match(missing.err, /no petition "nope"/);
      assert.equal((await cli(database, 'petition', 'show', 'nope')).code, 1);
      assert.equal((await cli(database, 'petition', 'list')).out.includes('water-x'), false, 'nothing was created by a refused command');

      const changed = await cli(
        database,
        'petition',
        'update',
        'water',
        '--title',
        'Water for all',
        '--goal',
        'none',
        '--origins',
        'https://a.example/,https://b.example',
        '--baseline',
        '500',
        '--baseline-countries',
        '7',
      );
      assert.equal(changed.code, 0, changed.err);
      assert.equal(
        changed.err,
        'updated petition water: title "Water" -> "Water for all", goal 1000 -> none, origins any -> https://a.example,https://b.example, baseline 0 -> 500, baseline countries 0 -> 7, signatures 0 -> 500, countries 0 -> 7\n',
      );
      const shown = await cli(database, 'petition', 'show', 'water');
      assert.equal(shown.code, 0, shown.err);
      assert.match(shown.out, /^title\tWater for all$/m);
      assert.match(shown.out, /^status\topen$/m);
      assert.match(shown.out, /^languages\tfr \(default\)$/m);
      assert.match(shown.out, /^goal\tnone$/m);
      assert.match(shown.out, /^signatures\t500 \(baseline 500 \+ 0 here\)$/m);
      assert.match(shown.out, /^countries\t7 \(baseline 7, 0 here\)$/m);
      assert.match(shown.out, /^origins\thttps:\/\/a\.example, https:\/\/b\.example$/m);
      assert.match(shown.out, /^suspects\t0$/m);
      assert.match((await cli(database, 'petition', 'list')).out, /^water\topen\t500\t7\t\tWater for all$/m);

      assert.equal(
        (await cli(database, 'petition', 'update', 'water', '--goal', '2000', '--origins', 'any', '--status', 'closed')).code,
        0,
      );
      const after = await cli(database, 'petition', 'show', 'water');
      assert.match(after.out, /^goal\t2000$/m);
      assert.match(after.out, /^status\tclosed$/m);
      assert.match(after.out, /^origins\tany allowed by the server/m);
      assert.match((await cli(database, 'petition', 'update', 'water', '--status', 'closed')).err, /petition water: nothing changed/);
    });

    if (backend.name === 'postgres') {
      test('a petition update or a suspect accepted by the CLI, in another process, reaches the open streams of a running server', async () => {
        const server = await startTestServer(database, { rateLimit: false, sse: { pollMs: 200, minIntervalMs: 200 } });
        assert.ok(await server.app.store.createPetition({ id: 'live-update', title: 'Live', locale: 'fr', goal: 100 }));
        assert.equal((await postSignature(server.url, 'live-update', signature())).status, 201);
        const suspect = tooFast();
        assert.equal((await postSignature(server.url, 'live-update', suspect)).status, 201);
        const one = await openSse(`${server.url}/api/v1/petitions/live-update/stream`);
        const many = await openSse(`${server.url}/api/v1/stream?petitions=live-update`);
        const first = await one.waitFor((event) => event.event === 'count');
        assert.deepEqual(JSON.parse(first.data), { signatureCount: 1, countryCount: 1, goal: 100 });

        const updated = await cliProcess(database, 'petition', 'update', 'live-update', '--baseline', '1000', '--goal', '5000');
        assert.equal(updated.code, 0, updated.err);
        const seen = await one.waitFor((event) => countOf(event) === 1001, 5000);
        assert.deepEqual(JSON.parse(seen.data), { signatureCount: 1001, countryCount: 1, goal: 5000 });
        const seenMany = await many.waitFor((event) => countOf(event) === 1001, 5000);
        assert.deepEqual(JSON.parse(seenMany.data), { petition: 'live-update', signatureCount: 1001, countryCount: 1, goal: 5000 });
        // The petition read follows too (its cache lives a second).
        const read = await getJson(`${server.url}/api/v1/petitions/live-update`);
        assert.equal((read.body as { goal: number }).goal, 5000);

        // A goal alone is a change the counters see.
        assert.equal((await cliProcess(database, 'petition', 'update', 'live-update', '--goal', 'none')).code, 0);
        const noGoal = await one.waitFor((event) => JSON.parse(event.data).goal === null, 5000);
        assert.equal(countOf(noGoal), 1001);

        // A suspect accepted from the CLI moves the live count.
        const [row] = await server.app.store.db.query<{ id: number }>(
          "SELECT id FROM suspect_signatures WHERE petition_id = 'live-update'",
        );
        const accepted = await cliProcess(database, 'suspects', 'accept', String(row!.id));
        assert.equal(accepted.code, 0, accepted.err);
        assert.match(accepted.err, /accepted and counted; live-update now at 1002 signatures/);
        await one.waitFor((event) => countOf(event) === 1002, 5000);
        one.close();
        many.close();
      });
    } else {
      test('PGlite: the CLI is refused while the server holds the folder, and a stopped server starts with the new goal', async () => {
        await withServer(database, {}, async (server) => {
          assert.ok(await server.app.store.createPetition({ id: 'offline', title: 'Offline', locale: 'fr', goal: 10 }));
          const refused = await cliProcess(database, 'petition', 'update', 'offline', '--goal', '20');
          assert.equal(refused.code, 1);
          assert.match(refused.err, /is in use by process \d+ .*PGlite allows one user at a time: stop it first, or use PostgreSQL/);
        });
        assert.equal((await cliProcess(database, 'petition', 'update', 'offline', '--goal', '20', '--baseline', '3')).code, 0);
        await withServer(database, {}, async (server) => {
          const stream = await openSse(`${server.url}/api/v1/petitions/offline/stream`);
          const first = await stream.waitFor((event) => event.event === 'count');
          assert.deepEqual(JSON.parse(first.data), { signatureCount: 3, countryCount: 0, goal: 20 });
          stream.close();
        });
      });
    }

    test('operator routes: 404 without a token; 401 with WWW-Authenticate for a missing or wrong one; figures and CSV with it; never CORS, never cached', async () => {
      await withServer(database, {}, async (server) => {
        assert.ok(await server.app.store.createPetition({ id: 'dash', title: 'Dashboard', locale: 'fr', goal: 10 }));
        const none = await fetch(`${server.url}/api/v1/operator/petitions/dash/stats`, {
          headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
        });
        assert.equal(none.status, 404, 'no token configured: the routes do not exist');
        assert.equal((await none.json()).error.code, 'not_found');
        assert.equal((await fetch(`${server.url}/api/v1/operator/petitions/dash/signatures.csv`)).status, 404);
      });

      await assert.rejects(startTestServer(database, { operatorToken: 'short' }), /AGIR_OPERATOR_TOKEN must be at least 32 characters/);

      await withServer(
        database,
        { operatorToken: OPERATOR_TOKEN, rateLimit: { junk: { capacity: 6, refillPerSecond: 0.01 }, sign: false, read: false } },
        async (server) => {
          const url = (path: string) => `${server.url}/api/v1/operator/petitions/dash/${path}`;
          const utm = (source: string, medium: string) => ({
            url: `https://example.org/p?utm_source=${source}&utm_medium=${medium}`,
            utm: { utm_source: source, utm_medium: medium },
          });
          const signed = [
            signature({ person: { country: 'FR', email: 'anne@example.org', phone: '+33612345678' }, source: utm('newsletter', 'email') }),
            signature({ person: { country: 'FR' }, source: utm('newsletter', 'email') }),
            signature({ person: { country: 'BE' }, source: { url: 'https://example.org/p', embed: 'partner' } }),
          ];
          for (const request of signed) assert.equal((await postSignature(server.url, 'dash', request)).status, 201);
          assert.equal((await postSignature(server.url, 'dash', tooFast())).status, 201);
          await server.app.store.db.query(
            `UPDATE signatures SET created_at = '2026-11-02T23:30:00Z' WHERE petition_id = 'dash' AND country = 'BE'`,
          );

          const missing = await fetch(url('stats'));
          assert.equal(missing.status, 401);
          assert.equal(missing.headers.get('www-authenticate'), 'Bearer realm="agir-operator"');
          assert.equal(missing.headers.get('cache-control'), 'no-store');
          const wrong = await fetch(url('stats'), { headers: { authorization: `Bearer ${OPERATOR_TOKEN}x` } });
          assert.equal(wrong.status, 401);
          assert.equal(wrong.headers.get('www-authenticate'), 'Bearer realm="agir-operator", error="invalid_token"');
          assert.equal((await wrong.json()).error.code, 'unauthorized');
          assert.equal((await fetch(url('stats'), { headers: { authorization: `Basic ${OPERATOR_TOKEN}` } })).status, 401);

          const auth = { authorization: `Bearer ${OPERATOR_TOKEN}` };
          const stats = await getJson(url('stats'), { ...auth, origin: 'https://evil.example' });
          assert.equal(stats.status, 200);
          assert.equal(stats.headers.get('cache-control'), 'no-store');
          assert.equal(stats.headers.get('access-control-allow-origin'), null, 'never CORS-allowed, even asked from a page');
          const today = new Date().toISOString().slice(0, 10);
          assert.deepEqual(stats.body, {
            petition: 'dash',
            signatureCount: 3,
            countryCount: 2,
            baselineSignatures: 0,
            signaturesHere: 3,
            suspects: 1,
            byDay: [
              { day: '2026-11-02', signatures: 1 },
              { day: today, signatures: 2 },
            ],
            bySource: [
              { source: 'newsletter', medium: 'email', campaign: '', embed: '', signatures: 2 },
              { source: '', medium: '', campaign: '', embed: 'partner', signatures: 1 },
            ],
            byCountry: [
              { country: 'FR', signatures: 2 },
              { country: 'BE', signatures: 1 },
            ],
          });

          // security.ts names no operator route: no CORS for them, whatever the method.
          for (const method of ['GET', 'HEAD', 'POST', 'OPTIONS'])
            for (const target of ['/api/v1/operator/petitions/dash/stats', '/api/v1/operator/petitions/dash/signatures.csv'])
              assert.deepEqual(corsRoute(method, target), { kind: 'none' }, `${method} ${target}`);
          const preflight = await fetch(url('stats'), {
            method: 'OPTIONS',
            headers: {
              origin: 'https://evil.example',
              'access-control-request-method': 'GET',
              'access-control-request-headers': 'authorization',
            },
          });
          assert.equal(preflight.headers.get('access-control-allow-origin'), null);
          assert.equal(preflight.headers.get('access-control-allow-headers'), null);

          const csv = await fetch(url('signatures.csv'), { headers: { ...auth, origin: 'https://evil.example' } });
          assert.equal(csv.status, 200);
          assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
          assert.equal(csv.headers.get('content-disposition'), 'attachment; filename="dash-signatures.csv"');
          assert.equal(csv.headers.get('cache-control'), 'no-store');
          assert.equal(csv.headers.get('access-control-allow-origin'), null);
          const table = parseCsv(await csv.text());
          assert.equal(table[0]![4], 'email');
          assert.equal(table.length, 4, 'the header and the three counted signatures (no suspect)');
          const anne = table.find((row) => row[4] === 'anne@example.org');
          assert.equal(anne?.[7], "'+33612345678", 'formula-safe, as the CLI export');
          assert.equal((await getJson(`${server.url}/api/v1/operator/petitions/nope/stats`, auth)).status, 404);

          // The snippets of docs/server.md, as written there (its petition `water` is this test's `dash`).
          const docs = readFileSync(path.join(repoRoot, 'docs/server.md'), 'utf8');
          const section = docs.slice(docs.indexOf('### Operator routes'), docs.indexOf('## Seed'));
          const snippets = [...section.matchAll(/^curl -H "([^"]+)"(?: -o \S+)? http:\/\/127\.0\.0\.1:8787(\S+)$/gm)];
          assert.equal(snippets.length, 2, 'the two curl lines of the docs');
          for (const [, header, target] of snippets) {
            const [name, value] = header!.replace('$AGIR_OPERATOR_TOKEN', OPERATOR_TOKEN).split(': ');
            const answer = await fetch(`${server.url}${target!.replace('/petitions/water/', '/petitions/dash/')}`, {
              headers: { [name!]: value! },
            });
            assert.equal(answer.status, 200, target);
            assert.ok((await answer.text()).includes('FR'), target);
          }

          // Guessing spends the junk bucket: after it is empty, 429 with Retry-After (3 of 6 spent above).
          let last: Response | undefined;
          for (let i = 0; i < 4; i++) last = await fetch(url('stats'), { headers: { authorization: `Bearer guess-${i}` } });
          assert.equal(last?.status, 429);
          assert.ok(Number(last?.headers.get('retry-after')) > 0);
        },
      );
    });
  });
}
