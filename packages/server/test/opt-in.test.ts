// The relay honours double opt-in, on PGlite and on PostgreSQL, against real receivers (a webhook and two
// Action Network petitions over HTTP) and a real SMTP server: with SMTP on, nobody is told `subscribed`
// before following the emailed link; the link's POST sends one `consent.confirmed` per target (the
// webhook's signed like the others, Action Network's helper again with `subscribed`), once, and never
// before the signature it confirms; a signer who does not confirm is never subscribed. Without SMTP the
// relay is single opt-in as before; a database that ran with SMTP stays double opt-in until the operator
// says otherwise (`mail opt-in single`).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SignatureRequest } from '@agir/core';
import type { RunningServer } from '../src/index.js';
import { addTarget, relayStatus, retryNow, signWebhook, type RelayOptions } from '../src/relay.js';
import { backends, createPetition, type DatabaseChoice, eventually, postSignature, runCli, signature, startTestServer } from './helpers.js';
import { linkOf, mailbox, mailTo, openLink, postToken, type Mailbox, type Received, type Receiver, startReceiver } from './peers.js';

const SECRET = 'whsec-opt-in-0123456789abcdef';
const ENV = { AGIR_TEST_HOOK_SECRET: SECRET, AGIR_TEST_AN_KEY: 'an-key-opt-in-0123456789' };
const RELAY: RelayOptions = { pollMs: 25, timeoutMs: 2000, minDelayMs: 40, maxDelayMs: 150, env: ENV };
const MAIL = { pollMs: 25, timeoutMs: 10_000, minDelayMs: 40, maxDelayMs: 150 };

const newsletter = (granted: boolean): SignatureRequest['consents'] => [
  { id: 'newsletter', granted, text: 'Je veux recevoir les nouvelles de la campagne.', version: '2026-11' },
];

/** What an Action Network body says of a person: their address and its status (undefined: none sent). */
const anPerson = (hit: Received): { email: string; status: string | undefined; identifier: string } => {
  const { person, identifiers } = hit.body as unknown as {
    person: { email_addresses: Array<{ address: string; status?: string }> };
    identifiers: string[];
  };
  return { email: person.email_addresses[0]!.address, status: person.email_addresses[0]!.status, identifier: identifiers[0]! };
};

const bodiesFor = (receiver: Receiver, email: string): Received[] =>
  receiver.accepted().filter((hit) => JSON.stringify(hit.body).includes(`"${email}"`));

/** Three targets on one petition: a webhook, Action Network taking every signer, Action Network taking the consenting (the default). */
async function targets(server: RunningServer, petitionId: string, receiver: Receiver) {
  const db = server.app.store.db;
  const hook = await addTarget(db, { petitionId, kind: 'webhook', url: `${receiver.url}/hook`, secretEnv: 'AGIR_TEST_HOOK_SECRET' });
  const every = await addTarget(db, {
    petitionId,
    kind: 'actionnetwork',
    url: `${receiver.url}/every/petitions/p1/signatures`,
    secretEnv: 'AGIR_TEST_AN_KEY',
    allSigners: true,
  });
  const consenting = await addTarget(db, {
    petitionId,
    kind: 'actionnetwork',
    url: `${receiver.url}/consenting/petitions/p2/signatures`,
    secretEnv: 'AGIR_TEST_AN_KEY',
  });
  const at = (prefix: string) => () => receiver.accepted().filter((hit) => hit.path.startsWith(prefix));
  return { hook, every, consenting, hookHits: at('/hook'), everyHits: at('/every/'), consentingHits: at('/consenting/') };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 400)); // time for anything else to (wrongly) arrive

for (const backend of backends) {
  describe(`double opt-in on the relay (${backend.name})`, () => {
    const startWithSmtp = async (database: DatabaseChoice, box: Mailbox, relay: RelayOptions = RELAY): Promise<RunningServer> =>
      startTestServer(database, {
        rateLimit: false,
        relay,
        mail: { smtpUrl: `smtp://127.0.0.1:${box.port}`, from: 'team@example.org', ...MAIL },
      });

    test('with SMTP: nobody is subscribed before confirming; the link sends consent.confirmed once per target, signed, joinable', async () => {
      const box = await mailbox();
      await box.up();
      const receiver = await startReceiver();
      const server = await startWithSmtp(await backend.fresh(), box);
      await createPetition(server, 'dbl');
      const t = await targets(server, 'dbl', receiver);
      const ana = signature({ person: { givenName: 'Ana', email: 'ana.dbl@example.org' }, consents: newsletter(true) });
      const ben = signature({ person: { givenName: 'Ben', email: 'ben.dbl@example.org' }, consents: newsletter(true) });
      const chen = signature({ person: { givenName: 'Chen', email: 'chen.dbl@example.org' }, consents: newsletter(false) });
      for (const request of [ana, ben, chen]) assert.equal((await postSignature(server.url, 'dbl', request)).status, 201);

      await eventually(() => t.hookHits().length === 3 && t.everyHits().length === 3, 8000, 'the three signatures relayed');
      await eventually(() => mailTo(box, ana.person.email).length === 1 && mailTo(box, ben.person.email).length === 1, 8000, 'the mails');
      await settle();
      // The webhook says the mode; the consent is pending.
      const anaCreated = bodiesFor(receiver, ana.person.email).find((hit) => hit.path === '/hook')!;
      assert.equal(anaCreated.body.type, 'signature.created');
      assert.equal(anaCreated.body.optIn, 'double');
      assert.deepEqual(
        (anaCreated.body.consents as Array<{ state: string }>).map((consent) => consent.state),
        ['pending'],
      );
      // Action Network: no `subscribed` for anyone yet; the default target (consenting signers) waits for the confirmation.
      assert.deepEqual(
        t.everyHits().map((hit) => anPerson(hit).status),
        [undefined, undefined, undefined],
      );
      assert.equal(t.consentingHits().length, 0, 'a pending consent is not sent where Action Network would subscribe anyone new');

      // Ana follows the link: opening it changes nothing, the click confirms.
      const link = linkOf(mailTo(box, ana.person.email)[0]!)!;
      assert.equal((await openLink(link)).status, 200);
      await settle();
      assert.equal(receiver.accepted().length, 6, 'a GET confirms nothing');
      assert.equal((await postToken(link)).status, 200);
      await eventually(
        () => t.hookHits().length === 4 && t.everyHits().length === 4 && t.consentingHits().length === 1,
        8000,
        'one delivery of the confirmation per target',
      );
      assert.equal((await postToken(link)).status, 409, 'a second click');
      await settle();
      assert.deepEqual([t.hookHits().length, t.everyHits().length, t.consentingHits().length], [4, 4, 1], 'once each');

      // The webhook: signature.created, then consent.confirmed, its own delivery id, the signature's to join, HMAC-signed.
      const [created, confirmed] = bodiesFor(receiver, ana.person.email).filter((hit) => hit.path === '/hook');
      assert.equal(created, anaCreated);
      const rows = await server.app.store.db.query<{ event: string; delivery_id: string; delivered: boolean }>(
        `SELECT o.event, o.delivery_id::text AS delivery_id, o.delivered_at IS NOT NULL AS delivered FROM relay_outbox o
          WHERE o.target_id = $1 AND o.signature_id = (SELECT min(signature_id) FROM relay_outbox WHERE target_id = $1) ORDER BY o.id`,
        [t.hook.id],
      );
      assert.deepEqual(
        rows.map((row) => [row.event, row.delivered]),
        [
          ['signature.created', true],
          ['consent.confirmed', true],
        ],
      );
      assert.equal(confirmed!.headers['agir-delivery'], rows[1]!.delivery_id);
      assert.equal(confirmed!.headers['agir-event'], 'consent.confirmed');
      const header = confirmed!.headers['agir-signature'] as string;
      const timestamp = Number(/^t=(\d+),/.exec(header)![1]);
      assert.equal(header, signWebhook(SECRET, confirmed!.raw, timestamp), 'signed like the others');
      const { signedAt, consents, ...rest } = confirmed!.body;
      assert.equal(signedAt, created!.body.signedAt);
      assert.deepEqual(rest, {
        type: 'consent.confirmed',
        delivery: rows[1]!.delivery_id,
        signatureDelivery: created!.body.delivery,
        petition: 'dbl',
        person: { email: ana.person.email },
      });
      const [consent] = consents as Array<Record<string, unknown>>;
      const { confirmedAt, ...words } = consent!;
      assert.deepEqual(words, {
        id: 'newsletter',
        granted: true,
        text: 'Je veux recevoir les nouvelles de la campagne.',
        version: '2026-11',
        state: 'confirmed',
      });
      assert.ok(Math.abs(Date.parse(String(confirmedAt)) - Date.now()) < 30_000, `confirmedAt ${String(confirmedAt)}`);
      assert.equal(String(confirmedAt), new Date(String(confirmedAt)).toISOString());

      // Action Network: the helper again for Ana, subscribed, under another identifier; the default target gets her once, subscribed.
      const [first, second] = bodiesFor(receiver, ana.person.email)
        .filter((hit) => hit.path.startsWith('/every/'))
        .map(anPerson);
      assert.deepEqual([first!.status, second!.status], [undefined, 'subscribed']);
      assert.notEqual(first!.identifier, second!.identifier);
      assert.deepEqual(
        t.consentingHits().map((hit) => [anPerson(hit).email, anPerson(hit).status]),
        [[ana.person.email, 'subscribed']],
      );
      // Ben never confirmed, Chen never consented: never subscribed anywhere.
      for (const email of [ben.person.email, chen.person.email])
        assert.ok(
          receiver.accepted().every((hit) => !hit.path.includes('/petitions/') || anPerson(hit).email !== email || !anPerson(hit).status),
          `${email} is never subscribed`,
        );

      // `relay status` counts each event apart.
      const status = new Map((await relayStatus(server.app.store.db)).map((target) => [target.id, target]));
      const counts = (id: number) => status.get(id)!.events.map((e) => [e.event, e.delivered, e.pending]);
      assert.deepEqual(counts(t.hook.id), [
        ['signature.created', 3, 0],
        ['consent.confirmed', 1, 0],
      ]);
      assert.deepEqual(counts(t.consenting.id), [
        ['signature.created', 1, 0],
        ['consent.confirmed', 0, 0],
      ]);
      assert.deepEqual(counts(t.every.id), [
        ['signature.created', 3, 0],
        ['consent.confirmed', 1, 0],
      ]);
    });

    test('a confirmation waits for the signature it confirms: a target that failed the signature gets it first', async () => {
      const box = await mailbox();
      await box.up();
      const receiver = await startReceiver();
      receiver.mode = 'down';
      const server = await startWithSmtp(await backend.fresh(), box, { ...RELAY, minDelayMs: 600_000, maxDelayMs: 600_000 });
      await createPetition(server, 'order');
      const hook = await addTarget(server.app.store.db, {
        petitionId: 'order',
        kind: 'webhook',
        url: `${receiver.url}/hook`,
        secretEnv: 'AGIR_TEST_HOOK_SECRET',
      });
      const ana = signature({ consents: newsletter(true) });
      assert.equal((await postSignature(server.url, 'order', ana)).status, 201);
      await eventually(
        () => receiver.received.length === 1 && mailTo(box, ana.person.email).length === 1,
        8000,
        'a refused attempt, the mail',
      );
      receiver.mode = 'ok'; // back, but the signature's next attempt is ten minutes away
      assert.equal((await postToken(linkOf(mailTo(box, ana.person.email)[0]!)!)).status, 200);
      await settle();
      assert.equal(receiver.received.length, 1, 'the confirmation does not overtake the signature');
      const [status] = await relayStatus(server.app.store.db);
      assert.deepEqual(
        status!.events.map((e) => [e.event, e.pending]),
        [
          ['signature.created', 1],
          ['consent.confirmed', 1],
        ],
      );
      assert.equal(status!.id, hook.id);
      assert.equal(await retryNow(server.app.store.db, hook.id), 2, '`relay retry` makes both due');
      await eventually(() => receiver.accepted().length === 2, 8000, 'both, in order');
      assert.deepEqual(
        receiver.accepted().map((hit) => hit.body.type),
        ['signature.created', 'consent.confirmed'],
      );
    });

    test('without SMTP: single opt-in as before; a database that ran with SMTP stays double until `mail opt-in single`', async () => {
      const receiver = await startReceiver();
      const database = await backend.fresh();
      const notices: string[] = [];
      let server = await startTestServer(database, { rateLimit: false, relay: RELAY, onNotice: (n) => void notices.push(n) });
      assert.match(notices.join(''), /No SMTP_URL: no confirmation email is sent/);
      await createPetition(server, 'single');
      const t = await targets(server, 'single', receiver);
      const ana = signature({ consents: newsletter(true) });
      assert.equal((await postSignature(server.url, 'single', ana)).status, 201);
      await eventually(() => receiver.accepted().length === 3, 8000, 'three deliveries');
      assert.equal(t.hookHits()[0]!.body.optIn, 'single');
      assert.deepEqual(
        [...t.everyHits(), ...t.consentingHits()].map((hit) => anPerson(hit).status),
        ['subscribed', 'subscribed'],
        'a granted consent subscribes at once, as before',
      );
      await server.close();

      // A start with SMTP records double opt-in; a later start without SMTP keeps it.
      const box = await mailbox();
      await box.up();
      server = await startWithSmtp(database, box);
      await server.close();
      notices.length = 0;
      server = await startTestServer(database, { rateLimit: false, relay: RELAY, onNotice: (n) => void notices.push(n) });
      assert.match(notices.join(''), /No SMTP_URL, but this database runs double opt-in.*"agir-server mail opt-in single" to stop/);
      const ben = signature({ consents: newsletter(true) });
      assert.equal((await postSignature(server.url, 'single', ben)).status, 201);
      await eventually(() => receiver.accepted().length === 5, 8000, 'the webhook and the every-signer target');
      await settle();
      const benHits = bodiesFor(receiver, ben.person.email); // targets are served side by side: compared per target
      assert.deepEqual(
        benHits.filter((hit) => hit.path === '/hook').map((hit) => hit.body.optIn),
        ['double'],
      );
      assert.deepEqual(
        benHits.filter((hit) => hit.path.startsWith('/every/')).map((hit) => anPerson(hit).status),
        [undefined],
        'not subscribed',
      );
      assert.equal(benHits.filter((hit) => hit.path.startsWith('/consenting/')).length, 0, 'not sent to the consenting target');
      assert.deepEqual(
        await server.app.store.db.query('SELECT count(*)::int AS n FROM mail_outbox WHERE delivered_at IS NULL'),
        [{ n: 1 }],
        'the mail waits for a server with SMTP',
      );
      await server.close();

      // The operator leaves double opt-in explicitly.
      assert.deepEqual((await runCli(database, ['mail', 'opt-in'])).out, 'double\n');
      const set = await runCli(database, ['mail', 'opt-in', 'single']);
      assert.deepEqual([set.code, set.out], [0, 'single\n']);
      assert.equal((await runCli(database, ['mail', 'opt-in', 'maybe'])).code, 2);
      server = await startTestServer(database, { rateLimit: false, relay: RELAY, onNotice: () => undefined });
      const chen = signature({ consents: newsletter(true) });
      assert.equal((await postSignature(server.url, 'single', chen)).status, 201);
      await eventually(() => bodiesFor(receiver, chen.person.email).length === 3, 8000, 'single opt-in again');
    });
  });
}
