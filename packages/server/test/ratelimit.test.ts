// Rate limits that do not lock out a NAT: junk (invalid bodies, replays, honeypot fills, unknown
// petitions) and reads have buckets of their own per address, and signatures one per (address, petition).
// Every request of these tests comes from 127.0.0.1: one address, as a NAT (a campus, a café) looks.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import type { RunningServer } from '../src/index.js';
import { backends, createPetition, getJson, postSignature, signature, startTestServer } from './helpers.js';

const pglite = backends.find((backend) => backend.name === 'pglite')!;

describe('rate limits (one address: a NAT)', () => {
  let server: RunningServer;

  before(async () => {
    server = await startTestServer(await pglite.fresh(), {
      // The defaults' shape, faster: a burst of 10 signatures per petition refilled at 5 a second; 10 junk
      // requests refilled at 1 a second; 50 reads refilled at 20 a second.
      rateLimit: {
        sign: { capacity: 10, refillPerSecond: 5 },
        junk: { capacity: 10, refillPerSecond: 1 },
        read: { capacity: 50, refillPerSecond: 20 },
      },
    });
    for (const id of ['nat', 'nat-other', 'quiet']) await createPetition(server, id);
  });

  // Read from the store: the bot below empties the address's read bucket too.
  const count = async (id: string) => (await server.app.store.getCounts(id))!.signatureCount;

  test('40 signers behind one address and a bot sending junk from it: every signer signs, some after a retry with Retry-After', async () => {
    const before = await count('nat');
    const botSignature = signature();
    assert.equal((await postSignature(server.url, 'nat', botSignature)).status, 201);

    let signersDone = false;
    const bot = { sent: 0, limited: 0, statuses: new Map<number, number>() };
    const junk: Array<() => Promise<{ status: number }>> = [
      () => postSignature(server.url, 'nat', '{"not json'),
      () => postSignature(server.url, 'nat', signature({ person: { givenName: 'Bot\u0000' } })),
      () => postSignature(server.url, 'nat', botSignature), // a replay of an answered request
      () => postSignature(server.url, 'nat', signature({ client: { ...signature().client, trap: 'filled' } })),
      () => postSignature(server.url, 'no-such-petition', signature()),
      () => postSignature(server.url, 'nat', 'x', { 'content-type': 'text/plain' }),
      () => fetch(`${server.url}/api/v1/petitions/nat`).then(async (r) => ({ status: (await r.arrayBuffer(), r.status) })),
    ];
    const botLoop = async (lane: number) => {
      for (let i = lane; !signersDone && i < 5000; i += 4) {
        const { status } = await junk[i % junk.length]!();
        bot.sent++;
        bot.statuses.set(status, (bot.statuses.get(status) ?? 0) + 1);
        if (status === 429) bot.limited++;
      }
    };
    const bots = [0, 1, 2, 3].map(botLoop);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the bot has emptied the junk bucket by now

    const retries: number[] = [];
    const signer = async () => {
      const request = signature();
      for (let attempt = 1; attempt <= 20; attempt++) {
        const response = await postSignature(server.url, 'nat', request);
        if (response.status !== 429) return { status: response.status, attempt };
        const retryAfter = Number(response.headers.get('retry-after'));
        assert.ok(
          Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60,
          `Retry-After ${response.headers.get('retry-after')}`,
        );
        retries.push(retryAfter);
        await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
      }
      return { status: 429, attempt: 20 };
    };
    const results = await Promise.all(Array.from({ length: 40 }, signer));
    signersDone = true;
    await Promise.all(bots);

    assert.deepEqual(
      results.map((result) => result.status),
      Array<number>(40).fill(201),
      'every signer signed',
    );
    assert.ok(
      results.some((result) => result.attempt > 1),
      'some signed after a retry (40 at once is more than the burst of 10)',
    );
    assert.ok(bot.limited > 0, `the bot's junk was limited (${JSON.stringify([...bot.statuses])})`);
    assert.equal(await count('nat'), before + 41, "the 40 signers and the bot's one real signature, nothing else");
  });

  test("an empty read bucket and an empty junk bucket do not stop a signature; one petition's signing does not spend another's", async () => {
    // Buckets that refill once a quarter of an hour: empty stays empty while this test runs, however slow the
    // machine (with 20 reads a second, a loaded machine found a refilled token between two requests).
    const slow = await startTestServer(await pglite.fresh(), {
      rateLimit: {
        sign: { capacity: 10, refillPerSecond: 1 / 900 },
        junk: { capacity: 10, refillPerSecond: 1 / 900 },
        read: { capacity: 50, refillPerSecond: 1 / 900 },
      },
    });
    for (const id of ['nat-other', 'quiet']) await createPetition(slow, id);
    // Reads until refused.
    let read = 0;
    while ((await getJson(`${slow.url}/api/v1/petitions/quiet`)).status !== 429) assert.ok(read++ < 500, 'reads are limited');
    // Another resource draws on the same bucket.
    const reads = await Promise.all(Array.from({ length: 5 }, () => getJson(`${slow.url}/api/v1/cases`)));
    assert.deepEqual(
      reads.map((read) => read.status),
      [429, 429, 429, 429, 429],
    );
    assert.ok(Number(reads[0]!.headers.get('retry-after')) >= 1);
    // Junk until refused.
    let junk = 0;
    while ((await postSignature(slow.url, 'quiet', '{')).status !== 429) assert.ok(junk++ < 100, 'junk is limited');
    const invalid = await postSignature(slow.url, 'quiet', signature({ person: { email: 'not an email' } }));
    assert.equal(invalid.status, 429, 'more junk is refused');
    // Signing still works.
    assert.equal((await postSignature(slow.url, 'quiet', signature())).status, 201);
    // Health checks are never limited.
    assert.equal((await getJson(`${slow.url}/api/v1/health`)).status, 200);

    // Spend the signing bucket of one petition; another petition signs at once.
    let signed = 0;
    while ((await postSignature(slow.url, 'nat-other', signature())).status !== 429) assert.ok(signed++ < 100, 'signing is limited');
    assert.equal((await postSignature(slow.url, 'quiet', signature({ idempotencyKey: randomUUID() }))).status, 201);
  });
});
