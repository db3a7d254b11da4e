// The relay, on PGlite and on PostgreSQL: every counted signature reaches the organisation's systems — a
// signed webhook and an Action Network petition — against real HTTP servers on 127.0.0.1 that check what
// arrives field by field; a target that is down gets everything once it is back, exactly once per
// delivery id (also after a SIGKILL of the server mid-relay); `relay status` / `relay retry` show and
// retry failures; erasing a person drops their undelivered deliveries; two processes on one PostgreSQL
// never send one delivery twice nor two at once to one target. The docs' snippet and examples are run.
import assert from 'node:assert/strict';

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import type { SignatureRequest } from '@agir/core';

import { openDatabase, type RunningServer } from '../src/index.js';
import {
  actionNetworkBody,
  addTarget,
  backoffMs,
  confirmationBody,
  relayDefaults,
  relayStatus,
  webhookBody,
  type RelayOptions,
} from '../src/relay.js';
import type { ExportedSignature } from '../src/store.js';
import {
  backends,
  createPetition,
  type DatabaseChoice,
  eventually,
  exited,
  postSignature,
  repoRoot,
  runCli,
  signature,
  spawnServer,
  startTestServer,
  tempDir,
} from './helpers.js';
import { freePort, startReceiver, type Received } from './peers.js';

const SECRET = 'whsec-test-0123456789abcdef';
const API_KEY = 'an-key-test-0123456789';
const ENV = { AGIR_TEST_HOOK_SECRET: SECRET, AGIR_TEST_AN_KEY: API_KEY };
/** Fast timing for tests: the defaults are 1 s, 10 s, 30 s and 6 h. */
const FAST: RelayOptions = { pollMs: 25, timeoutMs: 2000, minDelayMs: 40, maxDelayMs: 150, env: ENV };

// ---------------------------------------------------------------------------------------------
// The docs: the receivers' verification snippet and the worked examples are taken from docs/server.md

const docs = readFileSync(path.join(repoRoot, 'docs/server.md'), 'utf8');

/** The fenced block that follows `<!-- name -->` in docs/server.md. */
function docBlock(name: string): string {
  const match = new RegExp(`<!-- ${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(docs);
  if (!match?.[1]) throw new Error(`docs/server.md has no block marked <!-- ${name} -->`);
  return match[1];
}

type Verify = (secret: string, header: string, rawBody: string, toleranceSeconds?: number) => boolean;
let verifySnippet: Promise<Verify> | undefined;
/** The documented `verifyAgirSignature`, written to a file and imported as a receiver would. */
function documentedVerify(): Promise<Verify> {
  verifySnippet ??= (async () => {
    const file = path.join(tempDir('agir-snippet-'), 'verify-agir-signature.mjs');
    writeFileSync(file, docBlock('relay-verify-snippet'));
    return ((await import(pathToFileURL(file).href)) as { verifyAgirSignature: Verify }).verifyAgirSignature;
  })();
  return verifySnippet;
}

const cli = (database: DatabaseChoice, env: Record<string, string>, ...args: string[]) => runCli(database, args, env);

const consent = (granted: boolean): SignatureRequest['consents'] => [
  { id: 'newsletter', granted, text: 'Je veux recevoir les nouvelles de la campagne.', version: '2026-11' },
];

async function outboxRows(
  server: RunningServer,
  targets: number[],
): Promise<Array<{ delivery_id: string; target_id: number; delivered: boolean; attempts: number }>> {
  return server.app.store.db.query(
    `SELECT delivery_id::text AS delivery_id, target_id::int AS target_id, delivered_at IS NOT NULL AS delivered, attempts
       FROM relay_outbox WHERE target_id = ANY ($1::bigint[]) ORDER BY id`,
    [targets],
  );
}

describe('relay docs', () => {
  test('the verification snippet of docs/server.md accepts the signed body and refuses a changed body, another secret, an old timestamp', async () => {
    const verify = await documentedVerify();
    const { signWebhook } = await import('../src/relay.js');
    const body = '{"type":"signature.created"}';
    const now = Math.floor(Date.now() / 1000);
    assert.equal(verify(SECRET, signWebhook(SECRET, body, now), body), true);
    assert.equal(verify(SECRET, signWebhook(SECRET, body, now), body.replace('created', 'Created')), false);
    assert.equal(verify('another secret', signWebhook(SECRET, body, now), body), false);
    assert.equal(verify(SECRET, signWebhook(SECRET, body, now - 3600), body), false, 'older than 5 minutes');
    assert.equal(verify(SECRET, 'garbage', body), false);
  });

  test('backoff: 30 s doubled per attempt, a jitter of 50-100 %, capped at 6 hours', () => {
    const min = relayDefaults.minDelayMs;
    const max = relayDefaults.maxDelayMs;
    assert.deepEqual([min, max], [30_000, 6 * 3600_000]);
    assert.deepEqual(
      [1, 2, 3, 4].map((attempts) => backoffMs(attempts, min, max, () => 1)),
      [30_000, 60_000, 120_000, 240_000],
    );
    assert.equal(
      backoffMs(1, min, max, () => 0),
      15_000,
      'the jitter takes up to half off',
    );
    assert.equal(
      backoffMs(10, min, max, () => 1),
      15_360_000,
    );
    assert.equal(
      backoffMs(11, min, max, () => 1),
      max,
      'capped from the 11th attempt',
    );
    assert.equal(
      backoffMs(10_000, min, max, () => 1),
      max,
      'no overflow',
    );
  });

  test('the worked examples of docs/server.md are what the relay sends for the documented signature', () => {
    const example = JSON.parse(docBlock('relay-example-signature')) as Omit<ExportedSignature, 'createdAt'> & { createdAt: string };
    const signed: ExportedSignature = { ...example, createdAt: new Date(example.createdAt) };
    const delivery = '6f1c1c52-8f0e-4d43-9a57-0b9d1b1f3c2a';
    assert.deepEqual(webhookBody(delivery, signed), JSON.parse(docBlock('relay-example-webhook')));
    assert.deepEqual(
      actionNetworkBody(delivery, signed, { tags: ['agir', 'water-2026'], consentId: 'newsletter' }),
      JSON.parse(docBlock('relay-example-actionnetwork')),
    );
    const confirmedAt = '2026-12-04T10:02:11+00:00'; // as the database's JSON gives it
    const confirmed: ExportedSignature = {
      ...signed,
      consents: signed.consents.map((consent) => ({ ...consent, state: 'confirmed', confirmedAt })),
    };
    assert.deepEqual(
      confirmationBody(
        { id: '0b6f4e0e-3c1d-4c9a-8e59-8f7c5f7b2d10', event: 'consent.confirmed', doubleOptIn: true, signatureDelivery: delivery },
        confirmed,
      ),
      JSON.parse(docBlock('relay-example-confirmed')),
    );
  });
});

for (const backend of backends) {
  describe(`relay (${backend.name})`, () => {
    // One server for the in-process tests (a petition each): a PGlite start costs seconds on a busy machine.
    let sharedServer: Promise<RunningServer> | undefined;
    const shared = (): Promise<RunningServer> =>
      (sharedServer ??= backend.fresh().then((database) =>
        startTestServer(database, {
          rateLimit: false,
          relay: FAST,
        }),
      ));
    test('webhook: each counted signature is POSTed once, field by field, with a delivery id and an HMAC that the documented snippet verifies', async () => {
      const receiver = await startReceiver();
      const server = await shared();
      await createPetition(server, 'hook');
      const target = await addTarget(server.app.store.db, {
        petitionId: 'hook',
        kind: 'webhook',
        url: `${receiver.url}/hooks/agir`,
        secretEnv: 'AGIR_TEST_HOOK_SECRET',
      });
      const request = signature({
        person: {
          givenName: 'Zoé',
          familyName: 'Ngô',
          email: 'Zoe.Ngo@Example.org',
          country: 'VN',
          postalCode: '75011',
          phone: '+33612345678',
        },
        comment: 'Libérez-les.',
        consents: consent(true),
        source: {
          url: 'https://section.example/agir?utm_source=newsletter',
          referrer: 'https://social.example/post',
          utm: { utm_source: 'newsletter' },
          embed: 'home',
        },
      });
      assert.equal((await postSignature(server.url, 'hook', request)).status, 201);
      // Not counted, so not relayed: the same person again (answered like a new signature), and a submission judged automated.
      assert.equal((await postSignature(server.url, 'hook', signature({ person: { email: 'zoe.ngo@example.org' } }))).status, 201);
      assert.equal((await postSignature(server.url, 'hook', signature({ client: { ...request.client, trap: 'x' } }))).status, 201);

      await eventually(() => receiver.received.length >= 1, 5000, 'the webhook');
      await new Promise((resolve) => setTimeout(resolve, 300)); // time for anything else to (wrongly) arrive
      assert.equal(receiver.received.length, 1, 'one POST: the duplicate and the suspect are not relayed');
      const [hit] = receiver.received;
      const [row] = await outboxRows(server, [target.id]);
      assert.equal(hit!.path, '/hooks/agir');
      assert.equal(hit!.headers['content-type'], 'application/json');
      assert.equal(hit!.headers['agir-delivery'], row!.delivery_id);
      assert.match(hit!.headers['agir-signature'] as string, /^t=\d+,v1=[0-9a-f]{64}$/);
      const verify = await documentedVerify();
      assert.equal(verify(SECRET, hit!.headers['agir-signature'] as string, hit!.raw), true, 'the HMAC verifies');
      assert.equal(verify('wrong', hit!.headers['agir-signature'] as string, hit!.raw), false);
      const { signedAt, ...body } = hit!.body;
      assert.ok(Math.abs(Date.parse(String(signedAt)) - Date.now()) < 10_000, `signedAt ${String(signedAt)}`);
      assert.deepEqual(body, {
        type: 'signature.created',
        delivery: row!.delivery_id,
        petition: 'hook',
        optIn: 'single',
        person: {
          givenName: 'Zoé',
          familyName: 'Ngô',
          email: 'Zoe.Ngo@Example.org',
          country: 'VN',
          postalCode: '75011',
          phone: '+33612345678',
        },
        comment: 'Libérez-les.',
        locale: 'fr',
        source: {
          url: 'https://section.example/agir?utm_source=newsletter',
          referrer: 'https://social.example/post',
          embed: 'home',
          utm: { utm_source: 'newsletter' },
        },
        consents: [
          { id: 'newsletter', granted: true, text: 'Je veux recevoir les nouvelles de la campagne.', version: '2026-11', state: 'pending' },
        ],
      });
      assert.deepEqual(await outboxRows(server, [target.id]), [
        { delivery_id: row!.delivery_id, target_id: target.id, delivered: true, attempts: 1 },
      ]);
    });

    test('Action Network: the record signature helper body, "subscribed" only with the newsletter consent, the API key header', async () => {
      const receiver = await startReceiver();
      const server = await shared();
      await createPetition(server, 'an');
      const target = await addTarget(server.app.store.db, {
        petitionId: 'an',
        kind: 'actionnetwork',
        url: `${receiver.url}/api/v2/petitions/9f837109-710d-4bd8-ac9d-0ae4a4d3a8e1/signatures`,
        secretEnv: 'AGIR_TEST_AN_KEY',
        tags: ['agir', 'water-2026'],
        allSigners: true, // every signer, to check each body (the default sends only the consenting: next test)
      });
      const consenting = signature({
        person: { givenName: 'Ana', familyName: 'Silva', email: 'ana@example.org', country: 'PT', postalCode: '1100-148' },
        comment: 'Obrigada.',
        consents: consent(true),
        source: {
          url: 'https://section.example/agir?utm_source=mastodon',
          referrer: 'https://social.example/post',
          utm: { utm_source: 'mastodon' },
        },
      });
      const declining = signature({
        person: { givenName: 'Ben', familyName: 'Okoro', email: 'ben@example.org', country: 'NG' },
        consents: consent(false),
      });
      const silent = signature({ person: { givenName: 'Chen', familyName: 'Li', email: 'chen@example.org', country: 'TW' }, consents: [] });
      for (const request of [consenting, declining, silent]) assert.equal((await postSignature(server.url, 'an', request)).status, 201);

      await eventually(() => receiver.accepted().length === 3, 5000, 'three signatures on Action Network');
      const rows = await outboxRows(server, [target.id]);
      const bodies = receiver.received.map((hit) => hit.body);
      for (const hit of receiver.received) {
        assert.equal(hit.path, '/api/v2/petitions/9f837109-710d-4bd8-ac9d-0ae4a4d3a8e1/signatures');
        assert.equal(hit.headers['osdi-api-token'], API_KEY);
        assert.equal(hit.headers['content-type'], 'application/json');
        assert.equal(hit.headers['agir-signature'], undefined);
      }
      // The documented helper shape (https://actionnetwork.org/docs/v2/record_signature_helper; OSDI:
      // opensupporter/osdi-docs, record_signature.md): person with email_addresses and postal_addresses,
      // add_tags, referrer_data, and an identifier. "subscribed" is the helper's only valid status; the consent's
      // words and version go beside it, as the person's custom fields.
      assert.deepEqual(bodies, [
        {
          identifiers: [`agir:${rows[0]!.delivery_id}`],
          person: {
            given_name: 'Ana',
            family_name: 'Silva',
            email_addresses: [{ address: 'ana@example.org', status: 'subscribed' }],
            postal_addresses: [{ postal_code: '1100-148', country: 'PT' }],
            custom_fields: { agir_consent_version: '2026-11', agir_consent_text: 'Je veux recevoir les nouvelles de la campagne.' },
          },
          comments: 'Obrigada.',
          referrer_data: { source: 'mastodon', website: 'social.example', url: 'https://social.example/post' },
          add_tags: ['agir', 'water-2026'],
        },
        {
          identifiers: [`agir:${rows[1]!.delivery_id}`],
          person: {
            given_name: 'Ben',
            family_name: 'Okoro',
            email_addresses: [{ address: 'ben@example.org' }],
            postal_addresses: [{ country: 'NG' }],
          },
          add_tags: ['agir', 'water-2026'],
        },
        {
          identifiers: [`agir:${rows[2]!.delivery_id}`],
          person: {
            given_name: 'Chen',
            family_name: 'Li',
            email_addresses: [{ address: 'chen@example.org' }],
            postal_addresses: [{ country: 'TW' }],
          },
          add_tags: ['agir', 'water-2026'],
        },
      ]);
      assert.ok(
        !receiver.received.some((hit) => hit.raw.includes('subscribed') && hit.body.person.given_name !== 'Ana'),
        'subscribed only with consent',
      );
    });

    test('Action Network by default: only signers who granted the consent are relayed (it subscribes anyone new)', async () => {
      const receiver = await startReceiver();
      const server = await shared();
      await createPetition(server, 'an-consent');
      const target = await addTarget(server.app.store.db, {
        petitionId: 'an-consent',
        kind: 'actionnetwork',
        url: `${receiver.url}/api/v2/petitions/consenting-only/signatures`,
        secretEnv: 'AGIR_TEST_AN_KEY',
      });
      assert.equal(target.allSigners, false);
      const people = [
        { givenName: 'Dilnur', familyName: 'Abdulla', email: 'dilnur@example.org', country: 'FR', consents: consent(true) },
        { givenName: 'Erkin', familyName: 'Tursun', email: 'erkin@example.org', country: 'DE', consents: consent(false) },
        { givenName: 'Gulnar', familyName: 'Omer', email: 'gulnar@example.org', country: 'NL', consents: [] },
      ];
      for (const { consents, ...person } of people)
        assert.equal((await postSignature(server.url, 'an-consent', signature({ person, consents }))).status, 201);
      await eventually(() => receiver.accepted().length >= 1, 5000, 'the consenting signer on Action Network');
      // Give a wrongly queued delivery the time to go out too, then check nobody else was sent.
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(
        receiver.received.map((hit) => hit.body.person.given_name),
        ['Dilnur'],
      );
      assert.equal((await outboxRows(server, [target.id])).length, 1, 'no outbox row for the others');
    });

    test('a target that is down: signatures wait in the outbox (status shows why), then arrive exactly once each; erased people are not sent', async () => {
      const receiver = await startReceiver();
      receiver.mode = 'down';
      const refusedUrl = await closedPort(); // nothing listens there: connection refused
      const server = await shared();
      await createPetition(server, 'down');
      const up = await addTarget(server.app.store.db, {
        petitionId: 'down',
        kind: 'webhook',
        url: receiver.url,
        secretEnv: 'AGIR_TEST_HOOK_SECRET',
      });
      const refused = await addTarget(server.app.store.db, {
        petitionId: 'down',
        kind: 'webhook',
        url: `${refusedUrl}/`,
        secretEnv: 'AGIR_TEST_HOOK_SECRET',
      });
      const unset = await addTarget(server.app.store.db, {
        petitionId: 'down',
        kind: 'webhook',
        url: receiver.url,
        secretEnv: 'AGIR_TEST_UNSET',
      });

      const requests = Array.from({ length: 6 }, () => signature());
      for (const request of requests) assert.equal((await postSignature(server.url, 'down', request)).status, 201);
      await eventually(
        async () => {
          const rows = await outboxRows(server, [up.id, refused.id, unset.id]);
          return rows.filter((r) => r.target_id === up.id).every((r) => r.attempts >= 2);
        },
        8000,
        'two attempts each',
      );
      const status = await relayStatus(server.app.store.db);
      // Each target's signatures (its first event line); no confirmation is sent without SMTP.
      const signatures = new Map(status.map((s) => [s.id, s.events[0]!]));
      for (const id of [up.id, refused.id, unset.id])
        assert.deepEqual(
          status.find((s) => s.id === id)!.events.map((e) => e.event),
          ['signature.created', 'consent.confirmed'],
        );
      assert.equal(signatures.get(up.id)!.pending, 6);
      assert.equal(signatures.get(up.id)!.delivered, 0);
      assert.equal(signatures.get(up.id)!.lastError, 'HTTP 503 Service Unavailable');
      assert.equal(signatures.get(refused.id)!.lastError, 'network error ECONNREFUSED');
      assert.equal(signatures.get(unset.id)!.lastError, 'the environment variable AGIR_TEST_UNSET is not set');
      assert.equal(receiver.accepted().length, 0);

      // One of them is erased while waiting: their deliveries (every target) go with their signature.
      const before = (await outboxRows(server, [up.id, refused.id, unset.id])).length;
      const erased = requests[0]!.person.email;
      await server.app.store.erasePerson(erased);
      assert.equal((await outboxRows(server, [up.id, refused.id, unset.id])).length, before - 3);
      // An attempt already on its way when the erasure committed may still reach the target (its signature was
      // opened before); the target takes one delivery at a time, so once an attempt for someone else has come
      // after the erasure, nothing of the erased person can follow.
      const erasedAt = receiver.received.length;
      const nextOther = () => receiver.received.findIndex((hit, index) => index >= erasedAt && hit.body.person.email !== erased);
      await eventually(() => nextOther() >= 0, 8000, 'an attempt for another signer after the erasure');
      const sentBefore = nextOther();

      receiver.mode = 'ok';
      await eventually(() => receiver.accepted().length === 5, 8000, 'the five remaining signatures');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const accepted = receiver.accepted().map((hit) => hit.body);
      assert.equal(accepted.length, 5, 'nothing twice');
      assert.deepEqual(
        accepted.map((body) => body.person.email).sort(),
        requests
          .slice(1)
          .map((r) => r.person.email)
          .sort(),
      );
      assert.equal(new Set(accepted.map((body) => body.delivery)).size, 5);
      assert.ok(
        !receiver.received.slice(sentBefore).some((hit) => hit.body.person.email === erased),
        'the erased person is not sent after the erasure',
      );
      const rows = await outboxRows(server, [up.id, refused.id, unset.id]);
      assert.ok(rows.filter((r) => r.target_id === up.id).every((r) => r.delivered));
      assert.ok(
        rows.filter((r) => r.target_id !== up.id).every((r) => !r.delivered),
        'the other targets still wait',
      );
    });

    test('relay add, list, status and retry from the CLI', async () => {
      const database = await backend.fresh();
      const receiver = await startReceiver();
      receiver.mode = 'down';
      const env = { ...ENV };
      const server = await startTestServer(database, { rateLimit: false, relay: { ...FAST, minDelayMs: 600_000, maxDelayMs: 600_000 } });
      await createPetition(server, 'water');
      const db = 'dataDir' in database ? undefined : database;
      if (db) {
        // PostgreSQL: the CLI works beside a running server.
        const added = await cli(
          database,
          env,
          'relay',
          'add',
          'water',
          'webhook',
          `${receiver.url}/in`,
          '--secret-env',
          'AGIR_TEST_HOOK_SECRET',
        );
        assert.equal(added.code, 0, added.err);
        assert.equal(added.err, `added relay target 1: new signatures of water go to webhook ${receiver.url}/in\n`);
      } else {
        await addTarget(server.app.store.db, {
          petitionId: 'water',
          kind: 'webhook',
          url: `${receiver.url}/in`,
          secretEnv: 'AGIR_TEST_HOOK_SECRET',
        });
      }
      for (let i = 0; i < 3; i++) assert.equal((await postSignature(server.url, 'water', signature())).status, 201);
      await eventually(
        async () => (await server.app.store.db.query('SELECT 1 FROM relay_outbox WHERE last_error IS NOT NULL')).length === 3,
        5000,
        'one failed attempt each',
      );
      // Past FAILING_AFTER attempts a delivery shows as failing (it is still retried).
      await server.app.store.db.query('UPDATE relay_outbox SET attempts = 5 WHERE id = (SELECT min(id) FROM relay_outbox)');
      await server.close(); // PGlite: one process at a time

      const list = await cli(database, env, 'relay', 'list');
      assert.equal(list.out, `id\tpetition\tkind\turl\tsecret_env\ttags\n1\twater\twebhook\t${receiver.url}/in\tAGIR_TEST_HOOK_SECRET\t\n`);
      const status = await cli(database, env, 'relay', 'status');
      assert.equal(status.code, 0, status.err);
      const [header, line, confirmations, ...more] = status.out.replace(/\n$/, '').split('\n');
      assert.equal(header, 'id\tpetition\tkind\tevent\tstate\tdelivered\tpending\tfailing\tnext_attempt\tlast_error');
      assert.deepEqual(more, []);
      const cells = line!.split('\t');
      assert.deepEqual(
        [...cells.slice(0, 8), cells[9]],
        ['1', 'water', 'webhook', 'signature.created', 'failing', '0', '3', '1', 'HTTP 503 Service Unavailable'],
      );
      assert.ok(Date.parse(cells[8]!) > Date.now() + 60_000, `next attempt in about ten minutes: ${cells[8]}`);
      assert.equal(confirmations, '1\twater\twebhook\tconsent.confirmed\tok\t0\t0\t0\t\t', 'no confirmation: none waiting');

      assert.deepEqual(await cli(database, env, 'relay', 'retry', '7'), { code: 1, out: '', err: 'agir-server: no relay target 7\n' });
      const retried = await cli(database, env, 'relay', 'retry');
      assert.deepEqual(retried, { code: 0, out: '', err: '3 undelivered deliveries are due now\n' });

      // The target is back; a server started again sends them at once: without the retry they would wait ten minutes.
      receiver.mode = 'ok';
      const again = await startTestServer(database, { rateLimit: false, relay: { ...FAST, minDelayMs: 600_000, maxDelayMs: 600_000 } });
      await eventually(
        async () => (await again.app.store.db.query('SELECT 1 FROM relay_outbox WHERE delivered_at IS NOT NULL')).length === 3,
        5000,
        'three deliveries after the retry',
      );
      assert.equal(receiver.accepted().length, 3);
      await again.close();
      const done = (await cli(database, env, 'relay', 'status')).out.split('\n')[1]!.split('\t');
      assert.deepEqual([...done.slice(0, 9), done[9]], ['1', 'water', 'webhook', 'signature.created', 'ok', '3', '0', '0', '', '']);

      // Usage errors say what is wrong; no secret in the database.
      const addWebhook = (url: string, ...more: string[]) =>
        cli(database, env, 'relay', 'add', 'water', 'webhook', url, '--secret-env', 'S', ...more);
      const bad = await addWebhook('https://user:pw@hooks.example/x');
      assert.equal(bad.code, 2);
      assert.match(bad.err, /no credentials in the URL/);
      // Plain http to another machine is refused (names and emails in the clear on the way), unless asked for.
      const plain = await addWebhook('http://crm.example.org/hook');
      assert.equal(plain.code, 2);
      assert.match(
        plain.err,
        /^agir-server: relay add: http:\/\/crm\.example\.org\/hook: plain http would carry every signer's name and email readable to anyone on the way; use https, or give --allow-http for a target on a network you trust/,
      );
      const trusted = await addWebhook('http://crm:8080/hook', '--allow-http');
      assert.equal(trusted.code, 0, trusted.err);
      const noKey = await cli(
        database,
        env,
        'relay',
        'add',
        'water',
        'actionnetwork',
        'https://actionnetwork.org/api/v2/petitions/x/signatures',
      );
      assert.equal(noKey.code, 2);
      assert.match(noKey.err, /needs --api-key-env NAME/);
      const wrongUrl = await cli(
        database,
        env,
        'relay',
        'add',
        'water',
        'actionnetwork',
        'https://actionnetwork.org/api/v2/people',
        '--api-key-env',
        'K',
      );
      assert.match(wrongUrl.err, /petitions\/\{id\}\/signatures/);
      const noPetition = await cli(database, env, 'relay', 'add', 'nope', 'webhook', 'https://hooks.example/x', '--secret-env', 'S');
      assert.deepEqual([noPetition.code, noPetition.err], [1, 'agir-server: no petition "nope"\n']);
      const anAdded = await cli(
        database,
        {},
        'relay',
        'add',
        'water',
        'actionnetwork',
        'https://actionnetwork.org/api/v2/petitions/x/signatures',
        '--api-key-env',
        'AN_KEY',
        '--tags',
        'agir, water',
      );
      assert.equal(anAdded.code, 0, anAdded.err);
      assert.match(anAdded.err, /note: AN_KEY is not set here; the server must have it in its environment/);
      const check = await openDatabase(database);
      const stored = JSON.stringify(await check.query('SELECT * FROM relay_targets'));
      await check.close();
      assert.ok(!stored.includes(SECRET) && stored.includes('AN_KEY') && stored.includes('"agir","water"'), stored);
    });

    if (backend.name === 'postgres')
      test('two server processes on one PostgreSQL: every delivery sent once, never two at once to one target', async () => {
        const database = await backend.fresh();
        const receiver = await startReceiver();
        receiver.holdMs = 20;
        const first = await startTestServer(database, { rateLimit: false, relay: FAST });
        const second = await startTestServer(database, { rateLimit: false, relay: FAST });
        await createPetition(first, 'water');
        await addTarget(first.app.store.db, {
          petitionId: 'water',
          kind: 'webhook',
          url: receiver.url,
          secretEnv: 'AGIR_TEST_HOOK_SECRET',
        });
        const requests = Array.from({ length: 20 }, () => signature());
        await Promise.all(requests.map((request, i) => postSignature(i % 2 ? first.url : second.url, 'water', request)));
        await eventually(() => receiver.accepted().length === 20, 10_000, 'twenty deliveries');
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.equal(receiver.received.length, 20, 'nothing sent twice');
        assert.equal(new Set(receiver.received.map((hit) => hit.headers['agir-delivery'])).size, 20);
        assert.equal(receiver.maxInFlight, 1, 'one delivery at a time per target');
        assert.equal(first.app.relay!.delivered + second.app.relay!.delivered, 20, 'each delivery counted by the process that sent it');
      });

    test('killed with SIGKILL mid-relay and restarted: every signature arrives, once per delivery id', async () => {
      const database = await backend.fresh();
      const receiver = await startReceiver();
      receiver.holdMs = 400;
      const created = await cli(database, {}, 'petition', 'create', '--id', 'water', '--title', 'Water');
      assert.equal(created.code, 0, created.err);
      assert.equal(
        (await cli(database, {}, 'relay', 'add', 'water', 'webhook', receiver.url, '--secret-env', 'AGIR_TEST_HOOK_SECRET')).code,
        0,
      );

      const first = await startCli(database);
      const requests = Array.from({ length: 8 }, () => signature());
      for (const request of requests) assert.equal((await postSignature(first.url, 'water', request)).status, 201);
      await eventually(() => receiver.received.length >= 3 && receiver.inFlight === 1, 10_000, 'a delivery in flight');
      first.child.kill('SIGKILL');
      await exited(first.child);
      const inFlightAtKill = receiver.received.at(-1)!.headers['agir-delivery'];

      const second = await startCli(database);
      await eventually(
        () => new Set(receiver.accepted().map((hit) => hit.headers['agir-delivery'])).size === 8,
        20_000,
        'all eight delivered',
      );
      second.child.kill('SIGTERM');
      assert.deepEqual(await exited(second.child), { code: 0, signal: null });

      // Each signature went out under one delivery id, every attempt of it with the same body; a repeat
      // (the request cut by the kill, or one that outlived the 1 s timeout on a loaded machine) has the same id.
      const byDelivery = new Map<string, Received[]>();
      for (const hit of receiver.received) {
        const id = hit.headers['agir-delivery'] as string;
        byDelivery.set(id, [...(byDelivery.get(id) ?? []), hit]);
      }
      assert.equal(byDelivery.size, 8);
      assert.deepEqual(
        [...byDelivery.values()].map((hits) => hits[0]!.body.person.email).sort(),
        requests.map((r) => r.person.email).sort(),
      );
      for (const [delivery, hits] of byDelivery) {
        assert.ok(
          hits.some((hit) => hit.answered === 200),
          `delivery ${delivery} acknowledged`,
        );
        assert.equal(
          new Set(hits.map((hit) => JSON.stringify({ ...hit.body, signedAt: undefined }))).size,
          1,
          `delivery ${delivery}: one body`,
        );
      }
      assert.ok(byDelivery.get(inFlightAtKill as string)!.length >= 2, 'the request cut by the kill was sent again');
      assert.ok(receiver.received.length <= 10, `${receiver.received.length} requests for 8 signatures`);
      const db = await openDatabase(database);
      try {
        const rows = await db.query<{ delivered: boolean }>('SELECT delivered_at IS NOT NULL AS delivered FROM relay_outbox');
        assert.deepEqual(
          rows.map((r) => r.delivered),
          Array(8).fill(true),
        );
      } finally {
        await db.close();
      }
    });
  });
}

/** The URL of a loopback port that was free a moment ago and has nothing listening now. */
async function closedPort(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}

/** Starts `agir-server start` as a child process with fast relay timing; resolves once it printed its URL. */
const startCli = (database: DatabaseChoice) =>
  spawnServer(database, ['--rate-limit', 'off'], {
    ...ENV,
    AGIR_RELAY_POLL_MS: '25',
    AGIR_RELAY_TIMEOUT_MS: '2000',
    AGIR_RELAY_RETRY_MIN_MS: '40',
    AGIR_RELAY_RETRY_MAX_MS: '150',
  });
