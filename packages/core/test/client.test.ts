import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, normaliseEndpoint } from '../src/client.js';
import { parseRetryAfter } from '../src/retry.js';
import { AgirError, isAgirError } from '../src/errors.js';

const endpoint = 'https://api.example.org/agir/v1/';
const petition = {
  id: 'xinjiang',
  title: 'Xinjiang',
  status: 'open',
  signatureCount: 323832,
  countryCount: 184,
  goal: 500000,
  updatedAt: '2026-11-01T10:00:00Z',
  locale: 'fr',
};
const signRequest = {
  idempotencyKey: '3f2b8c1e-9a4d-4c2b-8f1e-2a3b4c5d6e7f',
  person: { givenName: 'A', familyName: 'B', email: 'a@b.org', country: 'FR' },
  consents: [],
  locale: 'fr',
  source: { url: 'https://x.example/' },
  client: { startedAt: '2026-11-01T10:00:00Z', submittedAt: '2026-11-01T10:00:42Z', trap: '' },
};

type Answer = Response | Error | ((init: RequestInit) => Promise<Response>);
const jsonResponse = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A fetch that answers from a script and records calls, plus a sleep that records waits. */
function harness(answers: Answer[], options: Record<string, unknown> = {}) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const waits: number[] = [];
  const fetch = async (url: string | URL | Request, init: RequestInit = {}) => {
    calls.push({ url: String(url), init });
    const answer = answers.shift();
    if (!answer) throw new Error('no scripted answer left');
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer(init);
    return answer;
  };
  const client = createClient({
    endpoint,
    fetch: fetch as typeof globalThis.fetch,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 1,
    ...options,
  });
  return { client, calls, waits };
}

async function rejects(promise: Promise<unknown>, check: (error: AgirError) => void): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isAgirError(error), `expected an AgirError, got ${String(error)}`);
    check(error);
    return;
  }
  assert.fail('expected a rejection');
}

describe('client', () => {
  test('gets and validates a petition; the endpoint loses its trailing slash', async () => {
    const { client, calls } = harness([jsonResponse(petition)]);
    assert.equal(client.endpoint, 'https://api.example.org/agir/v1');
    assert.deepEqual(await client.getPetition('xinjiang'), petition);
    assert.equal(calls[0]!.url, 'https://api.example.org/agir/v1/petitions/xinjiang');
    assert.equal(calls[0]!.init.credentials, 'omit');
  });

  test('retries a 503 then succeeds', async () => {
    const { client, calls, waits } = harness([jsonResponse({ error: { code: 'internal', message: 'down' } }, 503), jsonResponse(petition)]);
    assert.equal((await client.getPetition('xinjiang')).signatureCount, 323832);
    assert.equal(calls.length, 2);
    assert.deepEqual(waits, [400]);
  });

  test('backs off exponentially and stops at its retry limit', async () => {
    const down = () => jsonResponse({ error: { code: 'internal', message: 'down' } }, 500);
    const { client, calls, waits } = harness([down(), down(), down(), down(), down()], { retries: 3 });
    await rejects(client.getPetition('xinjiang'), (error) => {
      assert.equal(error.kind, 'http');
      assert.equal(error.status, 500);
      assert.equal(error.code, 'internal');
      assert.equal(error.transient, true);
    });
    assert.equal(calls.length, 4);
    assert.deepEqual(waits, [400, 800, 1600]);
  });

  test('applies jitter to the backoff', async () => {
    const down = () => jsonResponse({}, 502);
    const { client, waits } = harness([down(), jsonResponse(petition)], { random: () => 0.25 });
    await client.getPetition('xinjiang');
    // retryDelay's jitter: 400 ms × (0.5 + 0.25 / 2).
    assert.deepEqual(waits, [250]);
  });

  test('never retries a POST without an idempotency key', async () => {
    const { client, calls } = harness([jsonResponse({}, 503), jsonResponse({ signatureCount: 1, duplicate: false }, 201)]);
    await rejects(client.sign('xinjiang', { ...signRequest, idempotencyKey: '' }), (error) => assert.equal(error.status, 503));
    assert.equal(calls.length, 1);
  });

  test('retries a POST carrying an idempotency key, sending the same body', async () => {
    const { client, calls } = harness([new TypeError('fetch failed'), jsonResponse({ signatureCount: 10, duplicate: true }, 200)]);
    const result = await client.sign('xinjiang', signRequest);
    assert.deepEqual(result, { signatureCount: 10, duplicate: true, status: 200 });
    assert.equal(calls.length, 2);
    assert.equal(calls[0]!.init.body, calls[1]!.init.body);
    assert.equal(calls[0]!.init.method, 'POST');
    assert.equal(JSON.parse(String(calls[0]!.init.body)).idempotencyKey, signRequest.idempotencyKey);
  });

  test('waits per Retry-After (seconds and HTTP date)', async () => {
    const { client, waits } = harness([
      jsonResponse({ error: { code: 'rate_limited', message: 'slow down' } }, 429, { 'retry-after': '7' }),
      jsonResponse(petition),
    ]);
    await client.getPetition('xinjiang');
    assert.deepEqual(waits, [7000]);
    assert.equal(parseRetryAfter(new Date(Date.UTC(2026, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2026, 0, 1)), 30_000);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(null), undefined);
    assert.equal(parseRetryAfter(' 12 '), 12_000);
    assert.equal(parseRetryAfter(new Date(Date.UTC(2025, 0, 1)).toUTCString(), Date.UTC(2026, 0, 1)), 0, 'a date past: at once');
  });

  test('gives up when Retry-After is longer than it may wait', async () => {
    const { client, calls } = harness([jsonResponse({ error: { code: 'rate_limited', message: 'x' } }, 429, { 'retry-after': '3600' })]);
    await rejects(client.getPetition('xinjiang'), (error) => {
      assert.equal(error.code, 'rate_limited');
      assert.equal(error.retryAfterMs, 3_600_000);
    });
    assert.equal(calls.length, 1);
  });

  test('times out a request that hangs', async () => {
    const hang = (init: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const { client } = harness([hang], { timeoutMs: 20, retries: 0 });
    await rejects(client.getPetition('xinjiang'), (error) => {
      assert.equal(error.kind, 'timeout');
      assert.match(error.message, /longer than 20 ms/);
      assert.equal(error.transient, true);
    });
  });

  test('reports a schema error for a malformed 200, naming the field', async () => {
    const { client, calls } = harness([jsonResponse({ ...petition, signatureCount: 'lots' })]);
    await rejects(client.getPetition('xinjiang'), (error) => {
      assert.equal(error.kind, 'schema');
      assert.match(error.message, /signatureCount/);
      assert.ok('signatureCount' in error.fields);
      assert.equal(error.transient, false);
    });
    assert.equal(calls.length, 1, 'a schema error is not retried');
  });

  test('reports a 200 that is not JSON (an HTML page) as a schema error', async () => {
    const { client } = harness([new Response('<!doctype html><p>hello', { status: 200 })]);
    await rejects(client.getPetition('xinjiang'), (error) => {
      assert.equal(error.kind, 'schema');
      assert.match(error.message, /not JSON/);
    });
  });

  test('aborts on the caller’s signal, during a request and during a backoff', async () => {
    const controller = new AbortController();
    const hang = (init: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const { client } = harness([hang]);
    const pending = client.getPetition('xinjiang', { signal: controller.signal });
    controller.abort();
    await rejects(pending, (error) => assert.equal(error.kind, 'aborted'));

    const aborted = new AbortController();
    aborted.abort();
    const second = harness([jsonResponse(petition)]);
    await rejects(second.client.getPetition('xinjiang', { signal: aborted.signal }), (error) => assert.equal(error.kind, 'aborted'));
    assert.equal(second.calls.length, 0);

    // Real sleep: abort while waiting between attempts.
    const during = new AbortController();
    const third = createClient({
      endpoint,
      fetch: (async () => jsonResponse({}, 503)) as typeof fetch,
      backoffMs: 10_000,
      random: () => 1,
    });
    const waiting = third.getPetition('xinjiang', { signal: during.signal });
    setTimeout(() => during.abort(), 10);
    await rejects(waiting, (error) => assert.equal(error.kind, 'aborted'));
  });

  test('maps a 422 body onto fields and does not retry it', async () => {
    const { client, calls } = harness([
      jsonResponse({ error: { code: 'validation', message: 'bad', fields: { 'person.email': 'invalid' } } }, 422),
    ]);
    await rejects(client.sign('xinjiang', signRequest), (error) => {
      assert.equal(error.status, 422);
      assert.equal(error.code, 'validation');
      assert.deepEqual(error.fields, { 'person.email': 'invalid' });
      assert.equal(error.transient, false);
    });
    assert.equal(calls.length, 1);
  });

  test('a network error tells the page author what to check', async () => {
    const { client } = harness([new TypeError('Failed to fetch')], { retries: 0 });
    await rejects(client.getPetition('xinjiang'), (error) => {
      assert.equal(error.kind, 'network');
      assert.match(error.message, /CORS/);
    });
  });

  test('cases, case list with query, health and stream URL', async () => {
    const item = {
      id: 'akber',
      name: 'Akber',
      isGroup: false,
      country: 'CN',
      category: [],
      status: { kind: 'detained' },
      summary: 's',
      updatedAt: '2026-11-01T10:00:00Z',
      locale: 'fr',
    };
    const { client, calls } = harness([
      jsonResponse(item),
      jsonResponse({ items: [item] }),
      jsonResponse({ items: [] }),
      jsonResponse({ ok: true }),
    ]);
    assert.equal((await client.getCase('akber', { locale: 'fr' })).name, 'Akber');
    assert.equal((await client.listCases({ tag: 'xinjiang', locale: 'fr' })).length, 1);
    assert.equal((await client.listCases()).length, 0);
    assert.equal(await client.health(), true);
    assert.deepEqual(
      calls.map((c) => c.url.replace('https://api.example.org/agir/v1', '')),
      ['/cases/akber?locale=fr', '/cases?tag=xinjiang&locale=fr', '/cases', '/health'],
    );
    assert.equal(client.streamUrl?.('a b'), 'https://api.example.org/agir/v1/petitions/a%20b/stream');
    assert.equal(client.streamsUrl?.(['a', 'b-2']), 'https://api.example.org/agir/v1/stream?petitions=a,b-2');
  });

  test('an error body that is not JSON still gives an HTTP error', async () => {
    const { client } = harness([new Response('Bad Gateway', { status: 404 })]);
    await rejects(client.getPetition('nope'), (error) => {
      assert.equal(error.status, 404);
      assert.equal(error.code, undefined);
    });
  });

  test('rejects endpoints that are not http(s) URLs', () => {
    assert.throws(
      () => normaliseEndpoint('javascript:alert(1)'),
      (error: AgirError) => error.kind === 'config',
    );
    assert.throws(() => normaliseEndpoint('not a url'), /not a valid URL/);
    assert.equal(normaliseEndpoint('/api/v1/', 'https://site.example/page'), 'https://site.example/api/v1');
  });
});
