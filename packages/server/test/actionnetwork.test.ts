// `GET /api/v1/actionnetwork/petitions/:id`: Action Network's count for pages, read with the API key from the
// server's environment (never from the page), answered in the contract's shape, kept a short while; refused
// clearly without the key. A fake Action Network on a real HTTP server checks what the server sends it.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { before, describe, test } from 'node:test';
import { createActionNetworkClient, petitionSchema } from '@agir/core';
import { backends, onCleanup, startTestServer } from './helpers.js';

const PETITION = '9f837109-710d-4bd8-ac9d-0ae4a4d3a8e1';
/** An Action Network petition resource as its API documents it (https://actionnetwork.org/docs/v2/petitions). */
const resource = {
  identifiers: [`action_network:${PETITION}`],
  created_date: '2026-09-01T08:00:00Z',
  modified_date: '2026-11-02T09:30:00Z',
  title: 'Água para todos',
  description: '<p>…</p>',
  petition_text: 'Pedimos…',
  browser_url: 'https://actionnetwork.org/petitions/agua',
  total_signatures: 4321,
  'action_network:hidden': false,
  _links: { self: { href: `https://actionnetwork.org/api/v2/petitions/${PETITION}` } },
};

let hits: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
let apiUrl: string;
let answer: (path: string) => [number, unknown] = () => [200, resource];

before(async () => {
  const fake = createServer((request, response) => {
    hits.push({ path: request.url!, headers: request.headers });
    const [status, body] = answer(request.url!);
    response.writeHead(status, { 'content-type': 'application/hal+json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/api/v2`;
  onCleanup(() => new Promise<void>((resolve) => fake.close(() => resolve())));
});

describe('Action Network counts through the reference server', () => {
  test('answers the contract’s petition from Action Network’s, asking it with the key from the environment; open to every origin', async () => {
    hits = [];
    answer = () => [200, resource];
    const server = await startTestServer(await backends[0]!.fresh(), {
      rateLimit: false,
      actionNetwork: { apiUrl, env: { AGIR_ACTIONNETWORK_KEY: 'an-key-1' }, locale: 'pt' },
    });
    const response = await fetch(`${server.url}/api/v1/actionnetwork/petitions/${PETITION}`, {
      headers: { origin: 'https://blog.example' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const body = await response.json();
    assert.deepEqual(body, {
      id: PETITION,
      title: 'Água para todos',
      status: 'open',
      signatureCount: 4321,
      countryCount: 0,
      goal: null,
      updatedAt: '2026-11-02T09:30:00.000Z',
      locale: 'pt',
    });
    assert.equal(petitionSchema.safeParse(body).success, true);
    assert.deepEqual(
      hits.map((hit) => [hit.path, hit.headers['osdi-api-token']]),
      [[`/api/v2/petitions/${PETITION}`, 'an-key-1']],
    );
    // Kept a short while: a second read does not ask Action Network again.
    assert.equal((await fetch(`${server.url}/api/v1/actionnetwork/petitions/${PETITION}`)).status, 200);
    assert.equal(hits.length, 1);

    // The browser's adapter reads it as its readUrl.
    const client = createActionNetworkClient({
      url: `${server.url}/nowhere`,
      readUrl: `${server.url}/api/v1/actionnetwork/petitions/{petition}`,
    });
    assert.equal((await client.getPetition!(PETITION)).signatureCount, 4321);
  });

  test('without the key: 503 naming the variable to set, said once in the server’s notices; Action Network is not asked', async () => {
    hits = [];
    const notices: string[] = [];
    const server = await startTestServer(await backends[0]!.fresh(), {
      rateLimit: false,
      onNotice: (message) => notices.push(message),
      actionNetwork: { apiUrl, env: {} },
    });
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${server.url}/api/v1/actionnetwork/petitions/${PETITION}`);
      assert.equal(response.status, 503);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(error.code, 'internal');
      assert.match(error.message, /AGIR_ACTIONNETWORK_KEY/);
    }
    assert.equal(notices.filter((notice) => notice.includes('AGIR_ACTIONNETWORK_KEY')).length, 1);
    assert.deepEqual(hits, []);
  });

  test('Action Network’s 404 is a 404; a refused key or a broken answer is a 502 that says what to check, never kept', async () => {
    hits = [];
    const server = await startTestServer(await backends[0]!.fresh(), {
      rateLimit: false,
      actionNetwork: { apiUrl, env: { AGIR_ACTIONNETWORK_KEY: 'an-key-2' } },
    });
    const read = async (id: string) => {
      const response = await fetch(`${server.url}/api/v1/actionnetwork/petitions/${id}`);
      return [response.status, ((await response.json()) as { error?: { message: string } }).error?.message];
    };
    answer = (path) => (path.endsWith('/gone') ? [404, {}] : path.endsWith('/locked') ? [401, { error: 'API Key invalid' }] : [200, {}]);
    assert.deepEqual(await read('gone'), [404, 'No such petition on Action Network.']);
    assert.deepEqual(await read('locked'), [502, 'Action Network answered HTTP 401: check the API key.']);
    assert.deepEqual(await read('odd'), [502, 'Action Network answered something that is not a petition.']);
    assert.deepEqual(await read('odd'), [502, 'Action Network answered something that is not a petition.']);
    assert.equal(hits.filter((hit) => hit.path.endsWith('/odd')).length, 2, 'a failure is asked again');
    assert.deepEqual((await fetch(`${server.url}/api/v1/actionnetwork/petitions/not%20an%20id`)).status, 404);
  });
});
