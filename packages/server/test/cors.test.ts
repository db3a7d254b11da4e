// CORS as browsers on other sites meet it, with the server's defaults (no --cors-origins): public reads
// (counts, streams, cases, case lists) open to every origin without credentials, signatures from any
// origin until an operator gives a petition its own allow-list; health checks and unknown routes never.
import assert from 'node:assert/strict';
import http from 'node:http';
import { before, describe, test } from 'node:test';
import type { RunningServer } from '../src/index.js';
import { backends, createPetition, postSignature, signature, startTestServer } from './helpers.js';

const SECTION = 'https://section.example';
const ELSEWHERE = 'https://blog.elsewhere.example';

describe('CORS by default', () => {
  let server: RunningServer;
  let api: string;

  before(async () => {
    server = await startTestServer(await backends[0]!.fresh(), { seed: true, rateLimit: false });
    api = `${server.url}/api/v1`;
    await createPetition(server, 'open-to-all');
    await createPetition(server, 'section-only', { corsOrigins: [SECTION] });
  });

  const preflight = (path: string, origin: string, method: string, headers = 'content-type') =>
    fetch(`${api}${path}`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
    });

  test('counts, cases and case lists answer Access-Control-Allow-Origin: * to any origin, without credentials', async () => {
    for (const path of [
      '/petitions/xinjiang',
      '/petitions/section-only',
      '/cases',
      '/cases?tag=xinjiang',
      '/cases/akber',
      '/petitions/nope',
    ]) {
      for (const origin of [ELSEWHERE, 'null', undefined]) {
        const response = await fetch(`${api}${path}`, { headers: origin ? { origin } : {} });
        assert.equal(response.headers.get('access-control-allow-origin'), '*', `${path} from ${origin}`);
        assert.equal(response.headers.get('access-control-allow-credentials'), null);
        assert.match(response.headers.get('access-control-expose-headers') ?? '', /ETag, Retry-After/);
        assert.doesNotMatch(response.headers.get('vary') ?? '', /Origin/, 'the same answer for every origin: one cache entry');
      }
    }
    const conditional = await preflight('/petitions/xinjiang', ELSEWHERE, 'GET', 'if-none-match');
    assert.equal(conditional.status, 204);
    assert.equal(conditional.headers.get('access-control-allow-origin'), '*');
    assert.equal(conditional.headers.get('access-control-allow-methods'), 'GET, HEAD');
    assert.match(conditional.headers.get('access-control-allow-headers') ?? '', /If-None-Match/);
  });

  test('the count stream answers * too', async () => {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get(`${api}/petitions/xinjiang/stream`, { headers: { origin: ELSEWHERE, accept: 'text/event-stream' }, agent: false }, resolve)
        .on('error', reject);
    });
    try {
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['access-control-allow-origin'], '*');
      assert.equal(response.headers['access-control-allow-credentials'], undefined);
    } finally {
      response.destroy();
    }
  });

  test('any origin may sign a petition that has no allow-list of its own', async () => {
    const allowed = await preflight('/petitions/open-to-all/signatures', ELSEWHERE, 'POST');
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), '*');
    assert.equal(allowed.headers.get('access-control-allow-methods'), 'POST');
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /Content-Type/);
    assert.equal(allowed.headers.get('access-control-max-age'), '600');
    assert.equal(allowed.headers.get('access-control-allow-credentials'), null);
    const signed = await postSignature(server.url, 'open-to-all', signature(), { origin: ELSEWHERE });
    assert.equal(signed.status, 201);
    assert.equal(signed.headers.get('access-control-allow-origin'), '*');
  });

  test('a petition with its own allow-list is signed only from its origins; its reads stay open', async () => {
    const own = await preflight('/petitions/section-only/signatures', SECTION, 'POST');
    assert.equal(own.headers.get('access-control-allow-origin'), SECTION);
    assert.match(own.headers.get('vary') ?? '', /Origin/);
    const signed = await postSignature(server.url, 'section-only', signature(), { origin: SECTION });
    assert.equal(signed.status, 201);
    assert.equal(signed.headers.get('access-control-allow-origin'), SECTION);
    assert.match(signed.headers.get('vary') ?? '', /Origin/);

    // Another site: its preflight passes, so that the page hears the refusal itself (a refused preflight
    // looks like a network failure, which the form would keep retrying); the server refuses the signature.
    const other = await preflight('/petitions/section-only/signatures', ELSEWHERE, 'POST');
    assert.equal(other.status, 204);
    assert.equal(other.headers.get('access-control-allow-origin'), ELSEWHERE);
    const countOf = async (id: string) =>
      ((await (await fetch(`${api}/petitions/${id}`)).json()) as { signatureCount: number }).signatureCount;
    const before = await countOf('section-only');
    const refused = await postSignature(server.url, 'section-only', signature(), { origin: ELSEWHERE, 'sec-fetch-site': 'cross-site' });
    assert.equal(refused.status, 403);
    assert.equal((refused.body as { error: { code: string } }).error.code, 'forbidden');
    assert.match(
      (refused.body as { error: { message: string } }).error.message,
      /not accepted from pages on https:\/\/blog\.elsewhere\.example/,
    );
    assert.equal(refused.headers.get('access-control-allow-origin'), ELSEWHERE, 'the page can read why');
    assert.equal(await countOf('section-only'), before, 'nothing counted');
    // The API's own pages (same origin) are never refused: browsers say so, else the Origin names the Host.
    const apiOrigin = new URL(server.url).origin;
    assert.equal(
      (await postSignature(server.url, 'section-only', signature(), { origin: apiOrigin, 'sec-fetch-site': 'same-origin' })).status,
      201,
    );
    assert.equal((await postSignature(server.url, 'section-only', signature(), { origin: apiOrigin })).status, 201);

    // Turned on while the server runs (what `agir-server petition origins` does), seen within the petition cache's second.
    await server.app.store.setPetitionOrigins('open-to-all', [SECTION]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.equal((await postSignature(server.url, 'open-to-all', signature(), { origin: ELSEWHERE })).status, 403);
    assert.equal(
      (await preflight('/petitions/open-to-all/signatures', SECTION, 'POST')).headers.get('access-control-allow-origin'),
      SECTION,
    );
    assert.equal((await postSignature(server.url, 'open-to-all', signature(), { origin: SECTION })).status, 201);
    const read = await fetch(`${api}/petitions/open-to-all`, { headers: { origin: ELSEWHERE } });
    assert.equal(read.headers.get('access-control-allow-origin'), '*');
  });

  test('health checks, unknown routes and other methods are never CORS-allowed', async () => {
    const health = await fetch(`${api}/health`, { headers: { origin: ELSEWHERE } });
    assert.equal(health.status, 200);
    assert.equal(health.headers.get('access-control-allow-origin'), null);
    assert.equal((await preflight('/health', ELSEWHERE, 'GET')).headers.get('access-control-allow-origin'), null);
    const unknown = await fetch(`${api}/admin`, { headers: { origin: ELSEWHERE } });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.headers.get('access-control-allow-origin'), null);
    for (const [path, method] of [
      ['/petitions/open-to-all', 'DELETE'],
      ['/petitions/open-to-all/signatures', 'PUT'],
      ['/cases', 'POST'],
    ] as const) {
      const refused = await preflight(path, ELSEWHERE, method);
      assert.equal(refused.status, 204);
      assert.equal(refused.headers.get('access-control-allow-origin'), null, `${method} ${path}`);
    }
    const undecodable = await preflight('/petitions/%E0%A4%A/signatures', ELSEWHERE, 'POST');
    assert.ok(undecodable.status < 500, `a malformed id is no 5xx (${undecodable.status})`);
  });
});
