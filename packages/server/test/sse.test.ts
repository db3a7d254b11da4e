// The live count stream, on PGlite and on PostgreSQL: 50 listeners share one change source and each
// gets a new count within 2 s; events are coalesced to one a second; heartbeats; clean-up on
// disconnect; and on PostgreSQL a second server process sees the first one's signatures.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { buildApp, type RunningServer } from '../src/index.js';
import {
  backends,
  countOf,
  createPetition,
  eventually,
  openSse,
  postSignature,
  serveApp,
  signature,
  startTestServer,
  type DatabaseChoice,
} from './helpers.js';

for (const backend of backends) {
  describe(`count stream (${backend.name})`, () => {
    let database: DatabaseChoice;
    let server: RunningServer;
    const streamUrl = (base: string, id: string) => `${base}/api/v1/petitions/${id}/stream`;

    before(async () => {
      database = await backend.fresh();
      server = await startTestServer(database, { rateLimit: false, sse: { maxStreamsPerClient: 100 } });
      await createPetition(server, 'live', { baselineSignatures: 100 });
      await createPetition(server, 'busy');
      await createPetition(server, 'beats');
      await createPetition(server, 'shared');
    });

    test('50 listeners on one petition use one change source; each gets the new count within 2 s of a signature; all is cleaned up on disconnect', async () => {
      const clients = await Promise.all(Array.from({ length: 50 }, () => openSse(streamUrl(server.url, 'live'))));
      for (const client of clients) assert.equal(countOf(await client.waitFor((event) => event.event === 'count')), 100);
      assert.equal(server.app.stats.sseListeners, 50);
      assert.equal(server.app.stats.changeSources, 1);

      const signedAt = Date.now();
      assert.equal((await postSignature(server.url, 'live', signature())).status, 201);
      const received = await Promise.all(
        clients.map((client) => client.waitFor((event) => event.event === 'count' && countOf(event) === 101, 2000)),
      );
      for (const event of received) assert.ok(event.at - signedAt <= 2000, `received after ${event.at - signedAt} ms`);
      assert.equal(server.app.stats.changeSources, 1);

      for (const client of clients) client.close();
      await eventually(
        () => server.app.stats.sseListeners === 0 && server.app.stats.changeSources === 0,
        3000,
        'listeners and change sources back to 0',
      );
    });

    test('at most one event a second per petition: a burst of signatures is coalesced', async () => {
      const client = await openSse(streamUrl(server.url, 'busy'));
      await client.waitFor((event) => countOf(event) === 0);
      const started = Date.now();
      for (let i = 0; i < 12; i++) {
        assert.equal((await postSignature(server.url, 'busy', signature())).status, 201);
        await new Promise((resolve) => setTimeout(resolve, 150)); // 12 signatures over ~1.8 s
      }
      const last = await client.waitFor((event) => countOf(event) === 12, 3000);
      const counts = client.events.slice(1); // after the initial one
      const seconds = (last.at - started) / 1000;
      assert.ok(counts.length < 12 && counts.length <= Math.ceil(seconds) + 1, `${counts.length} events for 12 signatures in ${seconds} s`);
      // Sent a second apart; read here by a client that shares this process's event loop with the server, so
      // one event can reach it late and the next on time. Uncoalesced, they would be ~150 ms apart.
      for (let i = 1; i < counts.length; i++)
        assert.ok(counts[i]!.at - counts[i - 1]!.at >= 700, `events a second apart (${counts[i]!.at - counts[i - 1]!.at} ms)`);
      client.close();
    });

    test('heartbeat comments keep an idle stream open', async () => {
      const app = buildApp(server.app.store, { log: false, staticDirs: { demo: null, cdn: null }, sse: { heartbeatMs: 100 } });
      const base = await serveApp(app);
      const client = await openSse(streamUrl(base, 'beats'));
      await eventually(() => client.comments.filter((comment) => comment === 'heartbeat').length >= 2, 2000, 'two heartbeats');
      client.close();
      await eventually(() => app.stats.changeSources === 0, 2000, 'clean-up');
      app.closeStreams();
    });

    test('open streams are capped per client address: the next one gets 429 with Retry-After (the page polls instead)', async () => {
      const app = buildApp(server.app.store, { log: false, staticDirs: { demo: null, cdn: null }, sse: { maxStreamsPerClient: 3 } });
      const base = await serveApp(app);
      const clients = await Promise.all(Array.from({ length: 3 }, () => openSse(streamUrl(base, 'beats'))));
      const refused = await fetch(streamUrl(base, 'beats'));
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('retry-after'), '30');
      assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'rate_limited');
      clients[0]!.close();
      await eventually(() => app.stats.sseListeners === 2, 2000, 'a stream closed');
      const again = await openSse(streamUrl(base, 'beats'));
      for (const client of [...clients, again]) client.close();
      await eventually(() => app.stats.sseListeners === 0, 2000, 'all closed');
      app.closeStreams();
    });

    test('one stream carries several petitions: one connection, each petition first with its counts, then its changes, named by id', async () => {
      await createPetition(server, 'multi-a', { baselineSignatures: 7 });
      await createPetition(server, 'multi-b');
      const client = await openSse(`${server.url}/api/v1/stream?petitions=multi-a,multi-b,multi-a`);
      const first = await client.waitFor((event) => JSON.parse(event.data).petition === 'multi-b');
      assert.deepEqual(
        client.events.map((event) => [event.event, JSON.parse(event.data)]),
        [
          ['count', { petition: 'multi-a', signatureCount: 7, countryCount: 0, goal: 1000 }],
          ['count', { petition: 'multi-b', signatureCount: 0, countryCount: 0, goal: 1000 }],
        ],
        'the ids are read once each, in order',
      );
      assert.ok(first);
      assert.equal(server.app.stats.sseConnections, 1);
      assert.equal(server.app.stats.sseListeners, 2);
      assert.equal((await postSignature(server.url, 'multi-b', signature())).status, 201);
      const event = await client.waitFor((e) => JSON.parse(e.data).petition === 'multi-b' && countOf(e) === 1, 2000);
      assert.deepEqual(JSON.parse(event.data), { petition: 'multi-b', signatureCount: 1, countryCount: 1, goal: 1000 });
      assert.equal(
        client.events.filter((e) => JSON.parse(e.data).petition === 'multi-a').length,
        1,
        'no event for a petition that did not change',
      );
      client.close();
      await eventually(
        () => server.app.stats.sseConnections === 0 && server.app.stats.sseListeners === 0 && server.app.stats.changeSources === 0,
        3000,
        'clean-up',
      );
    });

    test('the stream of several petitions refuses a bad list (422) and an unknown petition (404) with contract errors', async () => {
      for (const query of [
        '',
        '?petitions=',
        '?petitions=a%20b',
        `?petitions=${Array.from({ length: 51 }, (_, i) => `p${i}`).join(',')}`,
      ]) {
        const response = await fetch(`${server.url}/api/v1/stream${query}`);
        assert.equal(response.status, 422, query);
        assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'validation');
      }
      const missing = await fetch(`${server.url}/api/v1/stream?petitions=live,nowhere`);
      assert.equal(missing.status, 404);
      assert.match(((await missing.json()) as { error: { message: string } }).error.message, /nowhere/);
      assert.equal(server.app.stats.sseConnections, 0);
    });

    test('the stream of several petitions counts as one stream of its client address', async () => {
      const app = buildApp(server.app.store, { log: false, staticDirs: { demo: null, cdn: null }, sse: { maxStreamsPerClient: 1 } });
      const base = await serveApp(app);
      const client = await openSse(`${base}/api/v1/stream?petitions=live,busy,beats`);
      await client.waitFor((event) => JSON.parse(event.data).petition === 'beats');
      assert.equal(app.stats.sseConnections, 1);
      assert.equal((await fetch(`${base}/api/v1/stream?petitions=live`)).status, 429);
      client.close();
      await eventually(() => app.stats.sseConnections === 0 && app.stats.changeSources === 0, 2000, 'closed');
      app.closeStreams();
    });

    if (backend.name === 'postgres') {
      test('two server processes on one database: a listener on one sees signatures made on the other (notified, one change source per petition)', async () => {
        const other = await startTestServer(database, { rateLimit: false });
        const clients = await Promise.all(Array.from({ length: 5 }, () => openSse(streamUrl(other.url, 'shared'))));
        for (const client of clients) await client.waitFor((event) => countOf(event) === 0);
        assert.equal(other.app.stats.changeSources, 1);
        const signedAt = Date.now();
        assert.equal((await postSignature(server.url, 'shared', signature())).status, 201);
        for (const client of clients) {
          const event = await client.waitFor((e) => countOf(e) === 1, 2500);
          assert.ok(event.at - signedAt <= 2500);
          client.close();
        }
      });
    }
  });
}
