// The endpoint contract over HTTP, against PGlite and against PostgreSQL: every endpoint, the error
// statuses (404, 409, 413, 415, 422, 429) with contract error bodies, ETag/304, CORS, the form route,
// bot handling, consent records, security headers and PII-free logs.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { caseListSchema, caseSchema, errorBodySchema, petitionSchema, signatureResponseSchema, type ErrorCode } from '@agir/core';
import { buildApp, type RunningServer } from '../src/index.js';
import { backends, createPetition, getJson, postSignature, serveApp, signature, startTestServer } from './helpers.js';

function assertError(response: { status: number; body: unknown }, status: number, code: ErrorCode): Record<string, string> {
  assert.equal(response.status, status, JSON.stringify(response.body));
  const parsed = errorBodySchema.safeParse(response.body);
  assert.ok(parsed.success, `error body matches errorBodySchema: ${JSON.stringify(response.body)}`);
  assert.equal(parsed.data.error.code, code);
  return parsed.data.error.fields ?? {};
}

const ALLOWED = 'https://allowed.example';
const PARTNER = 'https://partner.example';
const THANKS = 'https://thanks.example';

for (const backend of backends) {
  describe(`contract over HTTP (${backend.name})`, () => {
    let server: RunningServer;
    let api: string;
    const logLines: string[] = [];

    before(async () => {
      server = await startTestServer(await backend.fresh(), {
        seed: true,
        corsOrigins: [ALLOWED],
        redirectOrigins: [THANKS],
        rateLimit: { capacity: 10_000, refillPerSecond: 1000 },
        log: (line) => logLines.push(line),
      });
      api = `${server.url}/api/v1`;
      await createPetition(server, 'open-one');
      await createPetition(server, 'partnered', { corsOrigins: [PARTNER] });
      await createPetition(server, 'to-close');
      await server.app.store.setPetitionStatus('to-close', 'closed');
    });

    const count = async (id: string) => petitionSchema.parse((await getJson(`${api}/petitions/${id}`)).body).signatureCount;

    test('GET /health answers { ok: true }', async () => {
      const response = await getJson(`${api}/health`);
      assert.equal(response.status, 200);
      assert.deepEqual(response.body, { ok: true });
    });

    test('GET /petitions/{id}: the seed petition at its baseline, cacheable, with an ETag and 304 on match', async () => {
      const first = await getJson(`${api}/petitions/xinjiang`);
      assert.equal(first.status, 200);
      const petition = petitionSchema.parse(first.body);
      assert.deepEqual(
        { ...petition, updatedAt: undefined },
        {
          id: 'xinjiang',
          title: 'Liberté pour les détenus des camps d’internement du Xinjiang',
          description:
            'À nos côtés, des centaines de milliers de personnes de 184 pays exigent la libération des minorités musulmanes détenues dans la région autonome ouïghoure du Xinjiang en Chine.',
          shareText: 'J’ai signé la pétition « Liberté pour les détenus des camps d’internement du Xinjiang ». Signez-la vous aussi !',
          status: 'open',
          signatureCount: 323_832,
          countryCount: 184,
          goal: 500_000,
          updatedAt: undefined,
          locale: 'fr',
        },
      );
      // Its signers are sent no email and its counts count submissions (seed/xinjiang.json): settings of the server's,
      // not part of the public answer above.
      const settings = await server.app.store.getPetition('xinjiang');
      assert.deepEqual([settings?.mailSigners, settings?.countRepeats], [false, true]);
      assert.equal(first.headers.get('cache-control'), 'public, max-age=5, stale-while-revalidate=30');
      const etag = first.headers.get('etag');
      assert.match(etag ?? '', /^"[\w-]+"$/);

      const again = await fetch(`${api}/petitions/xinjiang`, { headers: { 'if-none-match': etag! } });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), etag);
      assert.equal(again.headers.get('cache-control'), 'public, max-age=5, stale-while-revalidate=30');
      assert.equal((await fetch(`${api}/petitions/xinjiang`, { headers: { 'if-none-match': `W/"other", ${etag}` } })).status, 304);

      // A new signature changes the representation: the old ETag no longer matches.
      assert.equal((await postSignature(server.url, 'xinjiang', signature())).status, 201);
      const changed = await fetch(`${api}/petitions/xinjiang`, { headers: { 'if-none-match': etag! } });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.get('etag'), etag);
      assert.equal(petitionSchema.parse(await changed.json()).signatureCount, 323_833);
    });

    test('unknown petitions are 404 not_found, on every petition route', async () => {
      assertError(await getJson(`${api}/petitions/nope`), 404, 'not_found');
      assertError(await getJson(`${api}/petitions/not%20an%20id`), 404, 'not_found');
      assertError(await getJson(`${api}/petitions/nope/stream`), 404, 'not_found');
      assertError(await postSignature(server.url, 'nope', signature()), 404, 'not_found');
      assertError(await getJson(`${api}/no-such-route`), 404, 'not_found');
    });

    test('POST signatures: 201 new; the same key again is 200 duplicate with the first answer; the same email in other case or spacing counts once, answered like a new one', async () => {
      const before = await count('open-one');
      const request = signature({ person: { email: 'Jeanne.Martin@Example.org' } });
      const created = await postSignature(server.url, 'open-one', request);
      assert.equal(created.status, 201);
      assert.deepEqual(signatureResponseSchema.parse(created.body), { signatureCount: before + 1, duplicate: false });

      await postSignature(server.url, 'open-one', signature()); // someone else signs in between
      const retried = await postSignature(server.url, 'open-one', request);
      assert.equal(retried.status, 200);
      assert.deepEqual(retried.body, { signatureCount: before + 1, duplicate: true });

      // Another key: not a retry, so no telling it signed before (test/membership.test.ts); the real count.
      const sameEmail = await postSignature(server.url, 'open-one', signature({ person: { email: '  jeanne.martin@EXAMPLE.ORG ' } }));
      assert.equal(sameEmail.status, 201);
      assert.deepEqual(sameEmail.body, { signatureCount: before + 2, duplicate: false });
      assert.equal(await count('open-one'), before + 2);

      const rows = await server.app.store.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM signatures WHERE petition_id = 'open-one' AND email_index = $1",
        [server.app.store.emailIndex('jeanne.martin@example.org')],
      );
      assert.equal(rows[0]?.n, 1);
    });

    test('the same email signs other petitions; countryCount counts distinct countries', async () => {
      const email = `multi-${randomUUID()}@example.org`;
      assert.equal((await postSignature(server.url, 'partnered', signature({ person: { email, country: 'BE' } }))).status, 201);
      assert.equal((await postSignature(server.url, 'partnered', signature({ person: { country: 'BE' } }))).status, 201);
      assert.equal((await postSignature(server.url, 'partnered', signature({ person: { country: 'SN' } }))).status, 201);
      assert.equal((await postSignature(server.url, 'open-one', signature({ person: { email } }))).status, 201);
      const petition = petitionSchema.parse((await getJson(`${api}/petitions/partnered`)).body);
      assert.deepEqual([petition.signatureCount, petition.countryCount], [3, 2]);
    });

    test('consents are stored apart with their exact text, version and grant', async () => {
      const text = 'J’accepte de recevoir « les nouvelles » d’Agir\u00a0: "oui".';
      const request = signature({
        consents: [
          { id: 'newsletter', granted: true, text, version: '2026-11' },
          { id: 'sms', granted: false, text: 'SMS', version: 'v1' },
        ],
      });
      assert.equal((await postSignature(server.url, 'open-one', request)).status, 201);
      const rows = await server.app.store.db.query<{ consent_id: string; granted: boolean; text: string; version: string }>(
        `SELECT c.consent_id, c.granted, c.text, c.version FROM consents c JOIN signatures s ON s.id = c.signature_id
          WHERE s.idempotency_key = $1 ORDER BY c.consent_id`,
        [request.idempotencyKey],
      );
      assert.deepEqual(rows, [
        { consent_id: 'newsletter', granted: true, text, version: '2026-11' },
        { consent_id: 'sms', granted: false, text: 'SMS', version: 'v1' },
      ]);
    });

    test('422 validation names the invalid fields by path', async () => {
      const bad = signature({ person: { email: 'not-an-email', country: 'France' } });
      const fields = assertError(await postSignature(server.url, 'open-one', bad), 422, 'validation');
      assert.ok(fields['person.email'], JSON.stringify(fields));
      assert.ok(fields['person.country'], JSON.stringify(fields));
      const missing = assertError(
        await postSignature(server.url, 'open-one', { ...signature(), idempotencyKey: 'x', consents: [{ id: 'n' }] }),
        422,
        'validation',
      );
      assert.ok(missing.idempotencyKey);
      assert.ok(missing['consents.0.granted']);
      assertError(await postSignature(server.url, 'open-one', '{"not json'), 422, 'validation');
      assertError(
        await postSignature(server.url, 'open-one', JSON.stringify(signature()), { 'content-type': 'text/plain' }),
        415,
        'validation',
      );
    });

    test('409 closed petition; a retry of a signature accepted before closing still gets its answer', async () => {
      await createPetition(server, 'closing-later');
      const early = signature();
      assert.equal((await postSignature(server.url, 'closing-later', early)).status, 201);
      await server.app.store.setPetitionStatus('closing-later', 'closed');
      assertError(await postSignature(server.url, 'to-close', signature()), 409, 'closed');
      assertError(await postSignature(server.url, 'closing-later', signature()), 409, 'closed');
      assert.deepEqual((await postSignature(server.url, 'closing-later', early)).body, { signatureCount: 1, duplicate: true });
    });

    test('413 too_large for a body over 16 kB', async () => {
      const huge = { ...signature(), comment: 'x'.repeat(17 * 1024) };
      assertError(await postSignature(server.url, 'open-one', huge), 413, 'too_large');
      const chunked = await fetch(`${api}/petitions/open-one/signatures`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(JSON.stringify(huge)));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      assertError({ status: chunked.status, body: await chunked.json() }, 413, 'too_large');
    });

    test('bots (honeypot filled, form filled in under 3 s) get an ordinary 201 but are stored apart and never counted', async () => {
      const before = await count('open-one');
      const trapped = signature({
        client: { startedAt: new Date(Date.now() - 60_000).toISOString(), submittedAt: new Date().toISOString(), trap: 'http://spam' },
      });
      const now = Date.now();
      const hasty = signature({
        client: { startedAt: new Date(now - 800).toISOString(), submittedAt: new Date(now).toISOString(), trap: '' },
      });
      for (const request of [trapped, hasty]) {
        const response = await postSignature(server.url, 'open-one', request);
        assert.equal(response.status, 201);
        assert.deepEqual(response.body, { signatureCount: before, duplicate: false });
      }
      assert.equal(await count('open-one'), before);
      const suspects = await server.app.store.db.query<{ reason: string }>(
        'SELECT reason FROM suspect_signatures WHERE idempotency_key IN ($1, $2) ORDER BY reason',
        [trapped.idempotencyKey, hasty.idempotencyKey],
      );
      assert.deepEqual(
        suspects.map((row) => row.reason),
        ['too_fast', 'trap'],
      );
      const counted = await server.app.store.db.query('SELECT 1 FROM signatures WHERE idempotency_key IN ($1, $2)', [
        trapped.idempotencyKey,
        hasty.idempotencyKey,
      ]);
      assert.equal(counted.length, 0);
    });

    test("CORS with an operator list (--cors-origins): signing from the list and the petition's own origins; reads from anywhere", async () => {
      const preflight = (path: string, origin: string, method = 'POST') =>
        fetch(`${api}${path}`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' },
        });
      const allowed = await preflight('/petitions/open-one/signatures', ALLOWED);
      assert.equal(allowed.status, 204);
      assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED);
      assert.match(allowed.headers.get('access-control-allow-methods') ?? '', /POST/);
      assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /Content-Type/i);
      assert.equal(allowed.headers.get('access-control-allow-credentials'), null);

      const perPetition = await preflight('/petitions/partnered/signatures', PARTNER);
      assert.equal(perPetition.headers.get('access-control-allow-origin'), PARTNER);
      const listAndPetition = await preflight('/petitions/partnered/signatures', ALLOWED);
      assert.equal(listAndPetition.headers.get('access-control-allow-origin'), ALLOWED, "the operator list adds to a petition's own");
      // Refused origins: the preflight passes and the server itself answers 403 forbidden, which the page can read.
      for (const [petition, origin] of [
        ['open-one', PARTNER],
        ['open-one', 'https://evil.example'],
      ] as const) {
        const refused = await preflight(`/petitions/${petition}/signatures`, origin);
        assert.equal(refused.status, 204);
        assert.equal(refused.headers.get('access-control-allow-origin'), origin);
        const posted = await postSignature(server.url, petition, signature(), { origin });
        assert.equal(posted.status, 403, origin);
        assert.deepEqual(errorBodySchema.parse(posted.body).error.code, 'forbidden');
        assert.equal(posted.headers.get('access-control-allow-origin'), origin, 'the page can read why');
        assert.match(posted.headers.get('vary') ?? '', /Origin/);
      }

      // Public reads, and their preflights (a conditional GET), are open to every origin.
      const read = await fetch(`${api}/petitions/partnered`, { headers: { origin: 'https://evil.example' } });
      assert.equal(read.headers.get('access-control-allow-origin'), '*');
      assert.match(read.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
      assert.match(read.headers.get('access-control-expose-headers') ?? '', /ETag/);
      const readPreflight = await preflight('/cases', 'https://evil.example', 'GET');
      assert.equal(readPreflight.headers.get('access-control-allow-origin'), '*');
      assert.equal(readPreflight.headers.get('access-control-allow-methods'), 'GET, HEAD');
    });

    test('security headers on API responses', async () => {
      const response = await fetch(`${api}/petitions/open-one`);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
      assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    });

    test('GET /cases/{id} and GET /cases?tag&locale: the seed cases, locale fallback, 404 and 422', async () => {
      const akber = await getJson(`${api}/cases/akber`);
      assert.equal(akber.status, 200);
      const item = caseSchema.parse(akber.body);
      assert.equal(item.name, 'Akber');
      assert.deepEqual(item.action, { label: 'Agir', petition: 'xinjiang' });
      assert.equal(item.status.kind, 'detained');
      const sadir = caseSchema.parse((await getJson(`${api}/cases/sadir-ali?locale=fr`)).body);
      assert.deepEqual(sadir.status, { kind: 'imprisoned', label: 'Condamné à 20 ans de prison', since: '2018' });
      assert.match(sadir.quote?.text ?? '', /je ne serai plus jamais heureuse/);

      const list = caseListSchema.parse((await getJson(`${api}/cases?tag=xinjiang&locale=fr`)).body);
      assert.deepEqual(
        list.items.map((c) => c.id),
        ['akber', 'mamat', 'hayrigul-niyaz', 'sadir-ali', 'sajidugul-ayup', 'erkin-ayup'],
      );
      assert.ok(list.items.every((c) => c.locale === 'fr' && c.country === 'CN' && c.region === 'Xinjiang'));
      assert.deepEqual(caseListSchema.parse((await getJson(`${api}/cases?tag=elsewhere`)).body).items, []);

      await server.app.store.upsertCases([{ ...item, locale: 'en', summary: 'Akber is one of thousands detained in Xinjiang.' }]);
      assert.equal(caseSchema.parse((await getJson(`${api}/cases/akber?locale=en-GB`)).body).locale, 'en');
      assert.equal(caseSchema.parse((await getJson(`${api}/cases/akber?locale=fr-FR`)).body).locale, 'fr');
      const english = caseListSchema.parse((await getJson(`${api}/cases?tag=xinjiang&locale=en`)).body).items;
      assert.equal(english.length, 6);
      assert.equal(english.find((c) => c.id === 'akber')?.locale, 'en');

      assertError(await getJson(`${api}/cases/nobody`), 404, 'not_found');
      assert.ok(assertError(await getJson(`${api}/cases?locale=!!`), 422, 'validation').locale);
    });

    test('form route: 303 to the thank-you URL; back with agir_error and field paths; no open redirect', async () => {
      const before = await count('open-one');
      const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
        fetch(`${api}/petitions/open-one/signatures/form`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body: new URLSearchParams(fields),
        });
      const email = `form-${randomUUID()}@example.org`;
      const valid = {
        givenName: 'Léa',
        familyName: 'Sans-JS',
        email,
        country: 'fr',
        postalCode: '75011',
        consent_newsletter: 'on',
        consent_newsletter_text: 'Je veux recevoir les nouvelles.',
        consent_newsletter_version: '2026-11',
        trap: '',
        startedAt: new Date(Date.now() - 30_000).toISOString(),
        redirect: `${THANKS}/merci`,
        error_redirect: `${ALLOWED}/signer?x=1`,
      };
      const ok = await form(valid);
      assert.equal(ok.status, 303);
      assert.equal(ok.headers.get('location'), `${THANKS}/merci`);
      assert.equal(await count('open-one'), before + 1);
      const consent = await server.app.store.db.query<{ granted: boolean; text: string }>(
        'SELECT c.granted, c.text FROM consents c JOIN signatures s ON s.id = c.signature_id WHERE s.email_index = $1',
        [server.app.store.emailIndex(email)],
      );
      assert.deepEqual(consent, [{ granted: true, text: 'Je veux recevoir les nouvelles.' }]);

      const invalid = await form({ ...valid, email: 'nope', givenName: '' });
      assert.equal(invalid.status, 303);
      const back = new URL(invalid.headers.get('location') ?? '');
      assert.equal(back.origin + back.pathname, `${ALLOWED}/signer`);
      assert.equal(back.searchParams.get('x'), '1');
      assert.equal(back.searchParams.get('agir_error'), 'validation');
      assert.deepEqual(back.searchParams.getAll('field').sort(), ['person.email', 'person.givenName']);

      const unchecked = `unchecked-${randomUUID()}@example.org`;
      const { consent_newsletter: _ticked, ...withoutTick } = valid;
      assert.equal((await form({ ...withoutTick, email: unchecked })).status, 303);
      const refused = await server.app.store.db.query<{ granted: boolean }>(
        'SELECT c.granted FROM consents c JOIN signatures s ON s.id = c.signature_id WHERE s.email_index = $1',
        [server.app.store.emailIndex(unchecked)],
      );
      assert.deepEqual(refused, [{ granted: false }]);

      for (const target of ['https://evil.example/phish', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
        const open = await form({ ...valid, email: `x-${randomUUID()}@example.org`, redirect: target });
        assert.equal(open.status, 422, target);
        assert.equal(open.headers.get('location'), null);
        assert.ok(assertError({ status: open.status, body: await open.json() }, 422, 'validation').redirect);
      }
      // Same-origin paths are fine; without a redirect the reader goes back to the (allowed) Referer.
      const relative = await form({ ...valid, email: `rel-${randomUUID()}@example.org`, redirect: '/merci.html' });
      assert.equal(relative.headers.get('location'), `${server.url}/merci.html`);
      const { redirect: _r, error_redirect: _e, ...bare } = valid;
      const viaReferer = await form({ ...bare, email: `ref-${randomUUID()}@example.org` }, { referer: `${ALLOWED}/page` });
      assert.equal(viaReferer.headers.get('location'), `${ALLOWED}/page?agir_status=signed`);
      const closed = await fetch(`${api}/petitions/to-close/signatures/form`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...valid, error_redirect: `${ALLOWED}/signer` }),
      });
      assert.equal(new URL(closed.headers.get('location') ?? '').searchParams.get('agir_error'), 'closed');
      // A bot filling the honeypot through the form is thanked like anyone, and not counted.
      const counted = await count('open-one');
      const bot = await form({ ...valid, email: `bot-${randomUUID()}@example.org`, trap: 'gotcha' });
      assert.equal(bot.headers.get('location'), `${THANKS}/merci`);
      assert.equal(await count('open-one'), counted);
    });

    test("form route: the stored page URL is the Referer's origin and path with its utm_* parameters, never its prefill parameters", async () => {
      const email = `prefilled-${randomUUID()}@example.org`;
      const referer = `${ALLOWED}/agir/xinjiang?given_name=Ada&family_name=Lovelace&email=${encodeURIComponent(email)}&phone=%2B33612345678&utm_source=mail&token=s3cr3t&mtm_campaign=nov#sign`;
      const response = await fetch(`${api}/petitions/open-one/signatures/form`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', referer },
        body: new URLSearchParams({ givenName: 'Ada', familyName: 'Lovelace', email, country: 'GB', trap: '' }),
      });
      assert.equal(response.status, 303);
      const [row] = await server.app.store.db.query<{ source_url: string }>('SELECT source_url FROM signatures WHERE email_index = $1', [
        server.app.store.emailIndex(email),
      ]);
      assert.equal(row?.source_url, `${ALLOWED}/agir/xinjiang?utm_source=mail&mtm_campaign=nov`);
    });

    test('request logs carry method, path, status and duration, and no name, email or phone', async () => {
      logLines.length = 0;
      const request = signature({
        person: { givenName: 'Zéphyrine', familyName: 'Quattrocchi', email: 'zephyrine.q@example.net', phone: '+33 6 12 34 56 78' },
      });
      assert.equal((await postSignature(server.url, 'open-one', request)).status, 201);
      await postSignature(server.url, 'open-one', { ...request, person: { ...request.person, email: 'zephyrine.q@' } });
      assert.ok(logLines.length >= 2);
      for (const line of logLines) {
        for (const secret of ['Zéphyrine', 'Quattrocchi', 'zephyrine', '12 34 56', request.idempotencyKey])
          assert.ok(!line.includes(secret), line);
        const entry = JSON.parse(line) as Record<string, unknown>;
        assert.deepEqual(Object.keys(entry).sort(), ['method', 'ms', 'path', 'status', 'time']);
      }
      assert.equal((JSON.parse(logLines[0]!) as { path: string }).path, '/api/v1/petitions/open-one/signatures');
    });

    test('429 rate_limited with Retry-After once a client address has used its bucket', async () => {
      const strict = buildApp(server.app.store, {
        rateLimit: { capacity: 3, refillPerSecond: 0.2 },
        log: false,
        staticDirs: { demo: null, cdn: null },
      });
      const base = await serveApp(strict);
      for (let i = 0; i < 3; i++) assert.equal((await postSignature(base, 'open-one', signature())).status, 201);
      const limited = await postSignature(base, 'open-one', signature());
      assertError(limited, 429, 'rate_limited');
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(retryAfter >= 1 && retryAfter <= 5, `Retry-After ${retryAfter}`);
      // Reads have their own bucket: an empty signing bucket does not refuse them.
      assert.equal((await getJson(`${base}/api/v1/petitions/open-one`)).status, 200);
    });
  });
}
