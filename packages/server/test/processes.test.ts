// Several server processes on one PostgreSQL. Two real `agir-server start` child processes behind a plain
// round-robin (the test's client alternates between them itself: request i goes to process i % 2):
// 1,000 signers, 50 in flight, raise the count by exactly 1,000 (read from both processes and from the
// database); a stream on process A sees signatures made on process B (LISTEN/NOTIFY); the sign rate
// limit is per process. In-process: a stream sees another process's signatures through LISTEN alone (no
// polling), and a LISTEN connection that was cut is replaced and the count read again, so a notification
// lost meanwhile leaves no stream behind.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import pg from 'pg';
import { petitionSchema, signatureResponseSchema } from '@agir/core';
import type { RunningServer } from '../src/index.js';
import {
  countOf,
  type DatabaseChoice,
  eventually,
  freshPostgresDatabase,
  getJson,
  openSse,
  postSignature,
  runCli,
  signature,
  spawnServer,
  startTestServer,
  tempDir,
} from './helpers.js';

const SIGNERS = 1000;
const IN_FLIGHT = 50;

const streamUrl = (base: string, id: string) => `${base}/api/v1/petitions/${id}/stream`;
/** A client address of its own for signer `i` (the processes run with --trust-proxy, as behind a proxy). */
const address = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

async function petitionCount(base: string, id: string): Promise<number> {
  return petitionSchema.parse((await getJson(`${base}/api/v1/petitions/${id}`)).body).signatureCount;
}

describe('two agir-server processes on one PostgreSQL', () => {
  let database: DatabaseChoice & { databaseUrl: string };
  let urls: [string, string];

  before(async () => {
    database = { databaseUrl: await freshPostgresDatabase(), keyDir: `${tempDir('agir-keys-')}/keys` };
    for (const id of ['crowd', 'limited', 'twice']) {
      const created = await runCli(database, ['petition', 'create', '--id', id, '--title', `Petition ${id}`]);
      assert.equal(created.code, 0, created.err);
    }
    // One signature per address and petition per minute: every signer has an address of their own.
    const args = ['--trust-proxy', '--rate-limit', '1'];
    const [a, b] = await Promise.all([spawnServer(database, args), spawnServer(database, args)]);
    urls = [a.url, b.url];
  });

  test('a stream on process A sees a signature made on process B', async () => {
    const [a, b] = urls;
    const client = await openSse(streamUrl(a, 'crowd'));
    await client.waitFor((event) => countOf(event) === 0, 30_000);
    const posted = await postSignature(b, 'crowd', signature(), { 'x-forwarded-for': address(SIGNERS + 1) });
    assert.equal(posted.status, 201);
    await client.waitFor((event) => countOf(event) === 1, 30_000);
    client.close();
  });

  test(`${SIGNERS} signers over both processes (${IN_FLIGHT} in flight) raise the count by exactly ${SIGNERS}, each counted once`, async () => {
    const before = await petitionCount(urls[0], 'crowd');
    const watcher = await openSse(streamUrl(urls[0], 'crowd'));
    const statuses = new Map<number, number>();
    const answered: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < SIGNERS) {
          const i = next++;
          const response = await postSignature(urls[i % 2]!, 'crowd', signature(), { 'x-forwarded-for': address(i) });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status === 201) answered.push(signatureResponseSchema.parse(response.body).signatureCount);
        }
      }),
    );
    assert.deepEqual([...statuses], [[201, SIGNERS]]);
    // Every answer carried a count of its own: the 1,000 signatures were serialised across both processes.
    assert.equal(new Set(answered).size, SIGNERS);
    assert.equal(Math.min(...answered), before + 1);
    assert.equal(Math.max(...answered), before + SIGNERS);
    for (const url of urls)
      await eventually(async () => (await petitionCount(url, 'crowd')) === before + SIGNERS, 30_000, `the count on ${url}`);
    const client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ rows: number; counter: string }>(
        "SELECT (SELECT count(*)::int FROM signatures WHERE petition_id = 'crowd') AS rows, signature_count AS counter FROM petitions WHERE id = 'crowd'",
      );
      assert.deepEqual(rows, [{ rows: before + SIGNERS, counter: String(before + SIGNERS) }]);
    } finally {
      await client.end();
    }
    // The stream on A ends on the final count, half of which was signed on B.
    await watcher.waitFor((event) => countOf(event) === before + SIGNERS, 30_000);
    watcher.close();
  });

  test('one signature sent to both processes at once, ten times each, is counted once', async () => {
    const request = signature();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => postSignature(urls[i % 2]!, 'twice', request, { 'x-forwarded-for': address(2000 + i) })),
    );
    const statuses = responses.map((response) => response.status).sort();
    assert.deepEqual(statuses, [...Array<number>(19).fill(200), 201].sort());
    for (const response of responses) assert.equal(signatureResponseSchema.parse(response.body).signatureCount, 1);
    for (const url of urls) await eventually(async () => (await petitionCount(url, 'twice')) === 1, 30_000, `the count on ${url}`);
  });

  test('the sign rate limit is per process: one address gets its budget on each (docs/server.md)', async () => {
    const [a, b] = urls;
    const from = { 'x-forwarded-for': '203.0.113.9' };
    assert.equal((await postSignature(a, 'limited', signature(), from)).status, 201);
    const refused = await postSignature(a, 'limited', signature(), from);
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    assert.equal((await postSignature(b, 'limited', signature(), from)).status, 201);
    assert.equal((await postSignature(b, 'limited', signature(), from)).status, 429);
  });
});

describe('LISTEN/NOTIFY between processes (in-process servers on one PostgreSQL)', () => {
  let database: DatabaseChoice & { databaseUrl: string };
  let listener: RunningServer;
  let writer: RunningServer;

  before(async () => {
    database = { databaseUrl: await freshPostgresDatabase(), keyDir: `${tempDir('agir-keys-')}/keys` };
    // The listener never polls: only a notification, or the read after a reconnection, brings a count.
    listener = await startTestServer(database, { rateLimit: false, sse: { pollMs: false, minIntervalMs: 50 } });
    writer = await startTestServer(database, { rateLimit: false, sse: { listen: false } });
    await listener.app.store.createPetition({ id: 'notified', title: 'Notified', locale: 'fr', goal: 10 });
    await eventually(() => listener.app.stats.listening, 30_000, 'LISTEN in place');
    assert.equal(writer.app.stats.listening, false);
  });

  test('a stream sees another process’s signature and change of goal through the notification alone', async () => {
    const client = await openSse(streamUrl(listener.url, 'notified'));
    await client.waitFor((event) => countOf(event) === 0, 30_000);
    assert.equal((await postSignature(writer.url, 'notified', signature())).status, 201);
    await client.waitFor((event) => countOf(event) === 1, 30_000);
    // An operator's change made elsewhere (here: the CLI) is notified by the same trigger.
    const updated = await runCli(database, ['petition', 'update', 'notified', '--goal', '25']);
    assert.equal(updated.code, 0, updated.err);
    await client.waitFor((event) => (JSON.parse(event.data) as { goal?: number }).goal === 25, 30_000);
    client.close();
  });

  test('a LISTEN connection cut is replaced, and every watched petition read again: a notification lost meanwhile is made up for', async () => {
    const client = await openSse(streamUrl(listener.url, 'notified'));
    await client.waitFor((event) => countOf(event) === 1, 30_000);
    const connectionsBefore = listener.app.stats.listenConnections;
    const admin = new pg.Client({ connectionString: database.databaseUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ cut: boolean }>(
        "SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE application_name = 'agir-server listen' AND datname = current_database()",
      );
      assert.deepEqual(rows, [{ cut: true }]);
    } finally {
      await admin.end();
    }
    // Signed while the listener is (most likely) reconnecting: its notification may reach nobody.
    assert.equal((await postSignature(writer.url, 'notified', signature())).status, 201);
    await eventually(() => listener.app.stats.listenConnections === connectionsBefore + 1, 30_000, 'LISTEN back in place');
    await client.waitFor((event) => countOf(event) === 2, 30_000);
    client.close();
  });
});
