import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStaticClient } from '../src/static-client.js';
import type { AgirClient } from '../src/client.js';
import { AgirError, isTransient } from '../src/errors.js';
import { isRetryable } from '../src/queue.js';
import { configure, getConfig, resetConfig, resolveClient, clientKey } from '../src/config.js';

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
const caseOf = (id: string, tags: string[]) => ({
  id,
  name: id,
  isGroup: false,
  country: 'CN',
  category: [],
  status: { kind: 'detained', since: '2018' },
  summary: 'Détenu.',
  tags,
  updatedAt: '2026-11-01T10:00:00Z',
  locale: 'fr',
});

/** A real HTTP server holding files by path: `files[path]` is the body (a string) or a status number. */
const files: Record<string, string | number> = {};
let server: Server;
let base: string;
const requests: string[] = [];

before(async () => {
  server = createServer((request, response) => {
    requests.push(request.url!);
    const file = files[request.url!];
    if (typeof file === 'string') response.writeHead(200, { 'content-type': 'application/json' }).end(file);
    else response.writeHead(file ?? 404, { 'retry-after': '7' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  files['/agir.json'] = JSON.stringify({ petitions: [petition], cases: [caseOf('akber', ['xinjiang']), caseOf('gulshan', [])] });
});
after(() => server.close());

describe('createStaticClient: counts and cases from one JSON file', () => {
  test('reads petitions and cases from the file, each read a fresh GET of it', async () => {
    const client = createStaticClient({ url: `${base}/agir.json` });
    assert.equal(client.endpoint, `${base}/agir.json`);
    assert.deepEqual(await client.getPetition('xinjiang'), petition);
    assert.equal((await client.getCase('akber')).name, 'akber');
    assert.deepEqual(
      (await client.listCases({ tag: 'xinjiang' })).map((item) => item.id),
      ['akber'],
    );
    assert.deepEqual(
      (await client.listCases()).map((item) => item.id),
      ['akber', 'gulshan'],
    );
    assert.equal(await client.health(), true);
    assert.equal((client as AgirClient).streamUrl, undefined);
    assert.equal(requests.filter((url) => url === '/agir.json').length, 5);
  });

  test('an id the file lacks is a 404 AgirError (not_found), final', async () => {
    const client = createStaticClient({ url: `${base}/agir.json` });
    await assert.rejects(client.getPetition('tibet'), (error: unknown) => {
      assert.ok(error instanceof AgirError);
      assert.equal(error.status, 404);
      assert.equal(error.code, 'not_found');
      assert.match(error.message, /has no petition with the id "tibet"/);
      assert.equal(isRetryable(error), false);
      return true;
    });
    await assert.rejects(client.getCase('nobody'), /has no case with the id "nobody"/);
  });

  test('is read-only: it has no sign (a petition form given it says at once that it cannot take signatures)', () => {
    const client: AgirClient = createStaticClient({ url: `${base}/agir.json` });
    assert.equal('sign' in client, false);
    assert.equal(client.sign, undefined);
  });

  test('each read revalidates the file (cache: no-cache), so an edit shows at the next poll whatever the host sends', async () => {
    const inits: RequestInit[] = [];
    const client = createStaticClient({
      url: `${base}/live.json`,
      fetch: (input, init) => {
        inits.push(init ?? {});
        return fetch(input, init);
      },
    });
    files['/live.json'] = JSON.stringify({ petitions: [petition] });
    assert.equal((await client.getPetition('xinjiang')).signatureCount, 323832);
    files['/live.json'] = JSON.stringify({ petitions: [{ ...petition, signatureCount: 323833 }] });
    assert.equal((await client.getPetition('xinjiang')).signatureCount, 323833);
    assert.deepEqual(
      inits.map((init) => [init.cache, init.credentials]),
      [
        ['no-cache', 'omit'],
        ['no-cache', 'omit'],
      ],
    );
  });

  test('each list is read on its own: a broken petition leaves the cases readable, and a broken case the petitions', async () => {
    files['/half.json'] = JSON.stringify({ petitions: [{ ...petition, signatureCount: -1 }], cases: [caseOf('akber', ['xinjiang'])] });
    files['/other-half.json'] = JSON.stringify({ petitions: [petition], cases: [{ ...caseOf('akber', []), status: 'gone' }] });
    files['/list.json'] = JSON.stringify([petition]);
    const half = createStaticClient({ url: `${base}/half.json` });
    assert.equal((await half.getCase('akber')).name, 'akber');
    assert.equal((await half.listCases({ tag: 'xinjiang' })).length, 1);
    await assert.rejects(half.getPetition('xinjiang'), /petitions\.0\.signatureCount/);
    await assert.rejects(half.health(), /petitions\.0\.signatureCount/);
    const other = createStaticClient({ url: `${base}/other-half.json` });
    assert.equal((await other.getPetition('xinjiang')).signatureCount, 323832);
    await assert.rejects(other.getCase('akber'), /cases\.0\.status/);
    // Not an object at all: the file is refused, not read as empty.
    await assert.rejects(
      createStaticClient({ url: `${base}/list.json` }).getPetition('xinjiang'),
      /is not a static file of Agir \(\(root\)/,
    );
  });

  test('a file that breaks the contract, is not JSON, or is missing: an AgirError naming the place', async () => {
    files['/broken.json'] = JSON.stringify({ petitions: [{ ...petition, signatureCount: -1 }] });
    files['/html.json'] = '<!doctype html><p>Not found</p>';
    files['/busy.json'] = 503;
    await assert.rejects(createStaticClient({ url: `${base}/broken.json` }).getPetition('xinjiang'), (error: unknown) => {
      assert.ok(error instanceof AgirError);
      assert.equal(error.kind, 'schema');
      assert.match(error.message, /is not a static file of Agir \(petitions\.0\.signatureCount: /);
      assert.deepEqual(Object.keys(error.fields), ['petitions.0.signatureCount']);
      return true;
    });
    await assert.rejects(createStaticClient({ url: `${base}/html.json` }).listCases(), /is not a static file of Agir \(\(root\)/);
    await assert.rejects(createStaticClient({ url: `${base}/busy.json` }).getCase('akber'), (error: unknown) => {
      assert.ok(error instanceof AgirError);
      assert.equal(error.status, 503);
      assert.equal(error.retryAfterMs, 7000);
      assert.equal(error.transient, true);
      return true;
    });
    await assert.rejects(createStaticClient({ url: 'http://127.0.0.1:9/agir.json' }).health(), (error: unknown) => {
      return error instanceof AgirError && error.kind === 'network' && /CORS/.test(error.message);
    });
    assert.throws(() => createStaticClient({ url: 'ftp://example.org/agir.json' }), /must be an http\(s\) URL/);
  });
});

describe('AgirError from elsewhere (the CDN loader’s Agir.AgirError)', () => {
  test('an error of another class carrying the agir.error brand is an AgirError; retries follow its kind and status', () => {
    class Foreign extends Error {
      constructor(kind: string, message: string, options: Record<string, unknown> = {}) {
        super(message);
        Object.assign(this, { name: 'AgirError', kind, fields: {}, ...options });
      }
    }
    (Foreign.prototype as unknown as Record<symbol, boolean>)[Symbol.for('agir.error')] = true;
    const refused = new Foreign('http', 'no', { status: 422 });
    assert.ok(refused instanceof AgirError);
    assert.equal(isRetryable(refused), false);
    assert.equal(isRetryable(new Foreign('http', 'busy', { status: 503 })), true);
    assert.equal(isTransient(new Foreign('network', 'offline') as unknown as AgirError), true);
    assert.equal(new Error('plain') instanceof AgirError, false);
    assert.equal((null as unknown as object) instanceof AgirError, false);
  });
});

describe('configure({ client })', () => {
  test('keeps the page’s client where every copy of core and the CDN loader find it', () => {
    const client = createStaticClient({ url: `${base}/agir.json` });
    configure({ client });
    assert.equal(getConfig().client, client);
    assert.equal((globalThis as unknown as Record<symbol, { client?: unknown }>)[Symbol.for('agir.config')]!.client, client);
    assert.equal(resolveClient(undefined), client);
    const own = createStaticClient({ url: `${base}/other.json` });
    assert.equal(resolveClient(own), own);
    assert.equal(clientKey(own), clientKey(own));
    assert.notEqual(clientKey(own), clientKey(client));
    assert.throws(() => configure({ client: 'x' as never }), /"client" must be an object/);
    resetConfig();
    assert.equal(resolveClient(undefined), undefined);
  });
});
