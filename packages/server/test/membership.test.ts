// No membership oracle, against PGlite and against PostgreSQL: a prober holding a list of addresses cannot
// tell from the API which of them signed a petition. An email that signed before, sent again with another
// idempotency key, is answered on the JSON route and on the form route exactly as a new signature is (same
// status, same body keys, `duplicate: false`, the petition's real count), and is neither stored nor counted
// again. Only a retry of the same submission (its random key) hears `duplicate: true`. On a petition that counts
// submissions, the count moves alike for both, and every answer leaves at the same floor after its request.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { petitionSchema, type SignatureRequest } from '@agir/core';
import type { RunningServer } from '../src/index.js';
import { backends, countOf, createPetition, getJson, openSse, postSignature, signature, startTestServer } from './helpers.js';

const ALLOWED = 'https://allowed.example';
/** This server's answer floor (`--answer-floor-ms`) for petitions that count submissions. */
const FLOOR_MS = 600;

/** What a prober sees of an answer: its status, the keys of its body, and `duplicate`. */
const seen = (response: { status: number; body: unknown }) => ({
  status: response.status,
  keys: Object.keys(response.body as object).sort(),
  duplicate: (response.body as { duplicate?: unknown }).duplicate,
});

for (const backend of backends) {
  describe(`no membership oracle (${backend.name})`, () => {
    let server: RunningServer;
    let api: string;

    before(async () => {
      server = await startTestServer(await backend.fresh(), {
        corsOrigins: [ALLOWED],
        rateLimit: { capacity: 10_000, refillPerSecond: 1000 },
        answerFloorMs: FLOOR_MS,
      });
      api = `${server.url}/api/v1`;
      await createPetition(server, 'quiet', { corsOrigins: [ALLOWED] });
    });

    const count = async () => petitionSchema.parse((await getJson(`${api}/petitions/quiet`)).body).signatureCount;
    /** Rows anywhere a signature leaves something: signatures, consents, suspects, outboxes, confirmation tokens, person keys. */
    const rows = async () =>
      (
        await server.app.store.db.query<{ n: number }>(
          `SELECT ((SELECT count(*) FROM signatures) + (SELECT count(*) FROM consents) + (SELECT count(*) FROM suspect_signatures)
                + (SELECT count(*) FROM relay_outbox) + (SELECT count(*) FROM mail_outbox) + (SELECT count(*) FROM consent_tokens)
                + (SELECT count(*) FROM person_keys))::int AS n`,
        )
      )[0]!.n;
    const rowsOf = async (email: string, petition = 'quiet') =>
      (
        await server.app.store.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM signatures WHERE petition_id = $1 AND email_index = $2',
          [petition, server.app.store.emailIndex(email)],
        )
      )[0]!.n;
    /** A prober's request: someone's address, any name and country, a fresh key. */
    const probe = (email: string, country = 'CN'): SignatureRequest =>
      signature({ person: { email, givenName: 'Probe', familyName: 'Probe', country } });
    const form = (email: string, headers: Record<string, string> = {}, extra: Record<string, string> = {}) =>
      fetch(`${api}/petitions/quiet/signatures/form`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({ givenName: 'Probe', familyName: 'Probe', email, country: 'CN', trap: '', ...extra }),
      });

    test('JSON route: a signer probed with another key is answered like a non-signer, and is neither stored nor counted again', async () => {
      const signer = `gulnar.${randomUUID()}@example.org`;
      assert.equal((await postSignature(server.url, 'quiet', signature({ person: { email: signer } }))).status, 201);
      const counted = await count();
      const stored = await rows();

      // The same address in other case and spacing, as a prober with a list would send it.
      const onSigner = await postSignature(server.url, 'quiet', probe(`  ${signer.toUpperCase()} `));
      assert.equal(await count(), counted, 'the signer is not counted twice');
      assert.equal(await rows(), stored, 'nothing is stored for the probe');
      assert.equal(await rowsOf(signer), 1);
      const onStranger = await postSignature(server.url, 'quiet', probe(`nobody.${randomUUID()}@example.org`));
      assert.equal(await count(), counted + 1, 'a non-signer probe is a signature');

      assert.deepEqual(seen(onSigner), seen(onStranger));
      assert.deepEqual(seen(onSigner), { status: 201, keys: ['duplicate', 'signatureCount'], duplicate: false });
      // Each with the real count at its time: the signer's answer does not invent one more.
      assert.deepEqual(
        [onSigner.body, onStranger.body],
        [
          { signatureCount: counted, duplicate: false },
          { signatureCount: counted + 1, duplicate: false },
        ],
      );
    });

    test('form route: agir_status, redirect and JSON answer are the same for a signer and a non-signer', async () => {
      const signer = `mihray.${randomUUID()}@example.org`;
      assert.equal((await form(signer, { referer: `${ALLOWED}/page` })).status, 303);
      const counted = await count();
      const stranger = () => `nobody.${randomUUID()}@example.org`;

      const viaReferer = async (email: string) => (await form(email, { referer: `${ALLOWED}/page` })).headers.get('location');
      assert.equal(await viaReferer(signer.toUpperCase()), `${ALLOWED}/page?agir_status=signed`);
      assert.equal(await viaReferer(stranger()), `${ALLOWED}/page?agir_status=signed`);

      const viaRedirect = async (email: string) => {
        const response = await form(email, {}, { redirect: `${ALLOWED}/merci` });
        return [response.status, response.headers.get('location')];
      };
      assert.deepEqual(await viaRedirect(signer), await viaRedirect(stranger()));

      const answered = async (email: string) => {
        const response = await form(email);
        return { status: response.status, body: (await response.json()) as unknown };
      };
      const onSigner = await answered(signer);
      const onStranger = await answered(stranger());
      assert.deepEqual(seen(onSigner), seen(onStranger));
      assert.deepEqual(seen(onSigner), { status: 201, keys: ['duplicate', 'signatureCount'], duplicate: false });

      assert.equal(await count(), counted + 3, 'the three non-signers only');
      assert.equal(await rowsOf(signer), 1);
    });

    test('a petition that counts submissions: a signer probed moves the count, the country count and the stream exactly as a non-signer does; each address is stored once', async () => {
      await createPetition(server, 'counted', { corsOrigins: [ALLOWED], countRepeats: true });
      const counts = async () => {
        const petition = petitionSchema.parse((await getJson(`${api}/petitions/counted`)).body);
        return [petition.signatureCount, petition.countryCount];
      };
      const stream = await openSse(`${api}/petitions/counted/stream`);
      const signer = `adil.${randomUUID()}@example.org`;
      assert.equal((await postSignature(server.url, 'counted', signature({ person: { email: signer, country: 'FR' } }))).status, 201);
      const [count0, countries0] = await counts();

      // Each probe with a country nobody chose yet, so that the country count could tell too.
      const onSigner = await postSignature(server.url, 'counted', probe(`  ${signer.toUpperCase()} `, 'IS'));
      const [count1, countries1] = await counts();
      await stream.waitFor((event) => countOf(event) === count1, 5000);
      const onStranger = await postSignature(server.url, 'counted', probe(`nobody.${randomUUID()}@example.org`, 'NZ'));
      const [count2, countries2] = await counts();
      await stream.waitFor((event) => countOf(event) === count2, 5000);
      stream.close();

      assert.deepEqual([count1! - count0!, countries1! - countries0!], [1, 1], 'the signer probed: one more, one more country');
      assert.deepEqual([count2! - count1!, countries2! - countries1!], [1, 1], 'the non-signer probed: the same');
      assert.deepEqual(seen(onSigner), seen(onStranger));
      assert.deepEqual(
        [onSigner.body, onStranger.body],
        [
          { signatureCount: count1, duplicate: false },
          { signatureCount: count2, duplicate: false },
        ],
      );
      assert.equal(await rowsOf(signer, 'counted'), 1, 'the signer is stored once');
    });

    test('a petition that counts submissions: every signing answer leaves at the floor, for a signer probed as for a non-signer, on both routes', async () => {
      await createPetition(server, 'floored', { corsOrigins: [ALLOWED], countRepeats: true });
      const signer = `nurgul.${randomUUID()}@example.org`;
      assert.equal((await postSignature(server.url, 'floored', signature({ person: { email: signer } }))).status, 201);
      const stranger = () => `nobody.${randomUUID()}@example.org`;
      const onForm = (email: string) =>
        fetch(`${api}/petitions/floored/signatures/form`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ givenName: 'Probe', familyName: 'Probe', email, country: 'CN', trap: '' }),
        });
      const timed = async (label: string, send: () => Promise<{ status: number }>) => {
        const started = performance.now();
        const { status } = await send();
        return { label, status, atFloor: performance.now() - started >= FLOOR_MS - 2 };
      };
      const answers = [
        await timed('JSON, signer', () => postSignature(server.url, 'floored', probe(signer))),
        await timed('JSON, non-signer', () => postSignature(server.url, 'floored', probe(stranger()))),
        await timed('form, signer', () => onForm(signer.toUpperCase())),
        await timed('form, non-signer', () => onForm(stranger())),
      ];
      assert.deepEqual(
        answers,
        answers.map(({ label }) => ({ label, status: 201, atFloor: true })),
        `each answer ${FLOOR_MS} ms or more after its request (a few ms apart without the floor)`,
      );
    });

    test('only a retry of the same submission (its key) hears duplicate: true, with the first answer', async () => {
      const request = signature();
      const first = await postSignature(server.url, 'quiet', request);
      assert.equal(first.status, 201);
      await postSignature(server.url, 'quiet', signature()); // someone else signs in between
      const retried = await postSignature(server.url, 'quiet', request);
      assert.deepEqual(
        [retried.status, retried.body],
        [200, { signatureCount: (first.body as { signatureCount: number }).signatureCount, duplicate: true }],
      );

      const idempotencyKey = randomUUID();
      const email = `form.${randomUUID()}@example.org`;
      const status = async () =>
        new URL((await form(email, { referer: `${ALLOWED}/page` }, { idempotencyKey })).headers.get('location') ?? '').searchParams.get(
          'agir_status',
        );
      assert.deepEqual([await status(), await status()], ['signed', 'duplicate']);
    });
  });
}
