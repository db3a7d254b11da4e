// The Action Network and webhook adapters against a real HTTP server that checks each wire body field by
// field (the OSDI fixture is written from Action Network's documented helper shape), and never sees
// "subscribed" without the newsletter consent.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createActionNetworkClient } from '../src/actionnetwork-client.js';
import { createWebhookClient } from '../src/webhook-client.js';
import { AgirError } from '../src/errors.js';
import { createSignatureQueue, isRetryable, memoryStorage } from '../src/queue.js';
import type { SignatureRequest } from '../src/contract.js';

const fixture = JSON.parse(readFileSync(new URL('fixtures/actionnetwork-signature.json', import.meta.url), 'utf8')) as Record<
  '_source' | 'consenting' | 'declining',
  Record<string, unknown>
>;

const consenting: SignatureRequest = {
  idempotencyKey: '6f1c1c52-8f0e-4d43-9a57-0b9d1b1f3c2a',
  person: { givenName: 'Ana', familyName: 'Silva', email: 'ana@example.org', country: 'PT', postalCode: '1100-148' },
  consents: [{ id: 'newsletter', granted: true, text: 'Quero receber as novidades da campanha.', version: '2026-11' }],
  comment: 'Obrigada.',
  locale: 'pt',
  source: {
    url: 'https://section.example/agua?utm_source=mastodon',
    referrer: 'https://social.example/@section/1234',
    utm: { utm_source: 'mastodon' },
  },
  client: { startedAt: '2026-11-01T10:00:00.000Z', submittedAt: '2026-11-01T10:00:42.000Z', trap: '' },
};
const declining: SignatureRequest = {
  idempotencyKey: '0b5e5d8e-3c1a-4d7b-8f7e-2a9c4b6d1e3f',
  person: { givenName: 'Ben', familyName: 'Okoro', email: 'ben@example.org', country: 'NG' },
  consents: [{ id: 'newsletter', granted: false, text: 'Quero receber as novidades da campanha.', version: '2026-11' }],
  locale: 'en',
  source: { url: 'https://section.example/agua' },
  client: { startedAt: '2026-11-01T10:00:00.000Z', submittedAt: '2026-11-01T10:01:00.000Z', trap: '' },
};

interface Hit {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  raw: string;
}
let server: Server;
let base: string;
let hits: Hit[] = [];
/** How the server answers the next requests (default: Action Network's recorded signature). */
let answer: (hit: Hit, response: ServerResponse) => void;
const recorded = (response: ServerResponse): void =>
  void response.writeHead(200, { 'content-type': 'application/hal+json' }).end(JSON.stringify({ identifiers: ['action_network:1'] }));

before(async () => {
  server = createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      const hit = { method: request.method!, path: request.url!, headers: request.headers, raw };
      hits.push(hit);
      answer(hit, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());
beforeEach(() => {
  hits = [];
  answer = (_hit, response) => recorded(response);
});

describe('createActionNetworkClient', () => {
  test('POSTs the documented helper body, field by field, to the petition’s URL; "subscribed" only with consent', async () => {
    const client = createActionNetworkClient({ url: `${base}/api/v2/petitions/{petition}/signatures`, tags: ['agir', 'water-2026'] });
    assert.equal(client.id, `actionnetwork:${base}/api/v2/petitions/%7Bpetition%7D/signatures`);
    assert.deepEqual(await client.sign('agua', consenting), { duplicate: false, status: 200 });
    assert.deepEqual(await client.sign('agua', declining), { duplicate: false, status: 200 });
    assert.deepEqual(
      hits.map((hit) => [hit.method, hit.path, hit.headers['content-type']]),
      [
        ['POST', '/api/v2/petitions/agua/signatures', 'application/json'],
        ['POST', '/api/v2/petitions/agua/signatures', 'application/json'],
      ],
    );
    const [first, second] = hits.map((hit) => JSON.parse(hit.raw) as Record<string, unknown>);
    const { _source, ...expected } = fixture;
    void _source;
    assert.deepEqual({ consenting: first, declining: second }, expected);
    assert.equal(hits[1]!.raw.includes('subscribed'), false, 'no "subscribed" without consent');
    assert.equal(hits[1]!.raw.includes('agir_consent'), false, 'no consent recorded without consent');
    assert.equal(hits[0]!.headers['osdi-api-token'], undefined, 'a page never holds the API key');
  });

  test('a 2xx without the recorded signature (Action Network’s {} for a refused POST) is not a success, and is retried', async () => {
    answer = (_hit, response) => void response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    const client = createActionNetworkClient({ url: `${base}/an/signatures` });
    const error = await client.sign('agua', consenting).then(
      () => assert.fail('resolved'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof AgirError && error.kind === 'schema', String(error));
    assert.equal(isRetryable(error), true);
  });

  test('errors keep their status and Retry-After; 4xx are final, 5xx retried', async () => {
    answer = (hit, response) =>
      void response
        .writeHead(hit.path.includes('full') ? 429 : hit.path.includes('bad') ? 400 : 503, { 'retry-after': '7' })
        .end('{"error":"nope"}');
    const client = createActionNetworkClient({ url: `${base}/{petition}/signatures` });
    for (const [petition, status, retryable] of [
      ['full', 429, true],
      ['bad', 400, false],
      ['down', 503, true],
    ] as const) {
      const error = (await client.sign(petition, consenting).catch((caught: unknown) => caught)) as AgirError;
      assert.equal(error.status, status);
      assert.equal(error.retryAfterMs, 7000);
      assert.equal(isRetryable(error), retryable, petition);
    }
  });

  test('reads counts from its read URL (a contract petition); without one it declares no getPetition', async () => {
    const petition = {
      id: 'agua',
      title: 'Água',
      status: 'open',
      signatureCount: 1234,
      countryCount: 3,
      goal: 5000,
      updatedAt: '2026-11-01T10:00:00Z',
      locale: 'pt',
    };
    answer = (_hit, response) => void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(petition));
    const reading = createActionNetworkClient({ url: `${base}/sign`, readUrl: `${base}/api/v1/actionnetwork/petitions/{petition}` });
    assert.deepEqual(await reading.getPetition!('agua'), petition);
    assert.deepEqual(
      hits.map((hit) => [hit.method, hit.path]),
      [['GET', '/api/v1/actionnetwork/petitions/agua']],
    );
    assert.equal(createActionNetworkClient({ url: `${base}/sign` }).getPetition, undefined);
  });
});

describe('createWebhookClient', () => {
  test('JSON by default: every field under its own name; success is any 2xx, whatever the body', async () => {
    answer = (_hit, response) => void response.writeHead(204).end();
    const client = createWebhookClient({ url: `${base}/hook` });
    assert.equal(client.id, `webhook:${base}/hook`);
    assert.deepEqual(Object.keys(client).sort(), ['endpoint', 'id', 'sign'], 'it can only sign');
    assert.deepEqual(await client.sign('agua', declining), { duplicate: false, status: 204 });
    assert.equal(hits[0]!.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(hits[0]!.raw), {
      petition: 'agua',
      idempotencyKey: declining.idempotencyKey,
      givenName: 'Ben',
      familyName: 'Okoro',
      email: 'ben@example.org',
      country: 'NG',
      newsletter: false,
      consentText: 'Quero receber as novidades da campanha.',
      consentVersion: '2026-11',
      locale: 'en',
      sourceUrl: 'https://section.example/agua',
      submittedAt: '2026-11-01T10:01:00.000Z',
    });
  });

  test('a form body with the page’s field mapping: only the mapped fields, under their names', async () => {
    answer = (_hit, response) => void response.writeHead(200, { 'content-type': 'text/html' }).end('<p>Thanks!</p>');
    const client = createWebhookClient({
      url: `${base}/forms/{petition}`,
      format: 'form',
      fields: { givenName: 'first_name', familyName: 'last_name', email: 'email', newsletter: 'opt_in', idempotencyKey: 'submission_id' },
    });
    await client.sign('agua', consenting);
    await client.sign('agua', declining);
    assert.equal(hits[0]!.path, '/forms/agua');
    assert.equal(hits[0]!.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.deepEqual(
      hits.map((hit) => [...new URLSearchParams(hit.raw)]),
      [
        [
          ['first_name', 'Ana'],
          ['last_name', 'Silva'],
          ['email', 'ana@example.org'],
          ['opt_in', 'true'],
          ['submission_id', consenting.idempotencyKey],
        ],
        [
          ['first_name', 'Ben'],
          ['last_name', 'Okoro'],
          ['email', 'ben@example.org'],
          ['opt_in', 'false'],
          ['submission_id', declining.idempotencyKey],
        ],
      ],
    );
  });

  test('a non-2xx is an AgirError with its status; a bad mapping or format is a config error naming the fix', async () => {
    answer = (_hit, response) => void response.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Oops</h1>');
    const error = (await createWebhookClient({ url: `${base}/hook` })
      .sign('agua', consenting)
      .catch((caught: unknown) => caught)) as AgirError;
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 500);
    assert.throws(
      () => createWebhookClient({ url: `${base}/hook`, fields: { mail: 'email' } as never }),
      (caught: AgirError) => caught.kind === 'config' && /givenName/.test(caught.message),
    );
    assert.throws(
      () => createWebhookClient({ url: `${base}/hook`, format: 'xml' as never }),
      (caught: AgirError) => caught.kind === 'config' && /"json" or "form"/.test(caught.message),
    );
  });
});

describe('the durable queue keys on the client’s id', () => {
  test('entries are filed under the client id, and an entry stored under an endpoint URL goes to agir:<endpoint>', async () => {
    const storage = memoryStorage();
    const sentBy: string[] = [];
    const queue = createSignatureQueue({
      storage,
      send: async (entry) => {
        sentBy.push(entry.client);
        return { duplicate: false };
      },
      ready: (entry) => entry.client !== 'crm:later',
    });
    const webhook = createWebhookClient({ url: `${base}/hook` });
    await queue.add(webhook.id, 'agua', consenting);
    await queue.add('crm:later', 'agua', declining);
    // An entry of the previous version of the queue: it held the endpoint's URL.
    const old = await queue.add('x', 'agua', { ...consenting, idempotencyKey: '1b5e5d8e-3c1a-4d7b-8f7e-2a9c4b6d1e3f' });
    const { client, ...rest } = old;
    void client;
    await storage.put({ ...rest, endpoint: 'https://api.example/v1' } as never);
    assert.deepEqual(
      (await queue.entries(webhook.id)).map((entry) => entry.petition),
      ['agua'],
    );
    assert.deepEqual(
      (await queue.entries('agir:https://api.example/v1')).map((entry) => entry.id),
      [old.id],
    );
    await queue.flush(undefined, true);
    await queue.flush(undefined, true);
    assert.deepEqual(sentBy, [], 'leased entries wait');
    const outcomes = await Promise.all((await queue.entries()).map((entry) => queue.send(entry)));
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['sent', 'sent', 'sent'],
    );
    assert.deepEqual(sentBy.sort(), ['agir:https://api.example/v1', 'crm:later', webhook.id].sort());
  });

  test('a flush leaves alone the entries of a client the page has not set up yet', async () => {
    let now = 0;
    const sentBy: string[] = [];
    const queue = createSignatureQueue({
      storage: memoryStorage(),
      now: () => now,
      send: async (entry) => {
        sentBy.push(entry.client);
        return { duplicate: false };
      },
      ready: (entry) => entry.client !== 'crm:later',
    });
    await queue.add('crm:later', 'agua', declining);
    await queue.add('webhook:x', 'agua', consenting);
    now = 120_000; // past the lease
    assert.deepEqual(
      (await queue.flush()).map((outcome) => [outcome.status, outcome.entry.client]),
      [['sent', 'webhook:x']],
    );
    assert.deepEqual(sentBy, ['webhook:x']);
    assert.deepEqual(
      (await queue.entries()).map((entry) => entry.client),
      ['crm:later'],
    );
  });
});
