// Signatures under concurrent load, on PGlite and on PostgreSQL: one idempotency key sent 200 times at
// once makes one signature; 1,000 distinct signers at once raise the count by exactly 1,000.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { petitionSchema, signatureResponseSchema } from '@agir/core';
import type { RunningServer } from '../src/index.js';
import { backends, createPetition, getJson, postSignature, signature, startTestServer } from './helpers.js';

for (const backend of backends) {
  describe(`concurrent signatures (${backend.name})`, () => {
    let server: RunningServer;
    const count = async (id: string) => petitionSchema.parse((await getJson(`${server.url}/api/v1/petitions/${id}`)).body).signatureCount;

    before(async () => {
      // The rate limit is raised: every request comes from 127.0.0.1.
      server = await startTestServer(await backend.fresh(), { rateLimit: { capacity: 100_000, refillPerSecond: 100_000 } });
      await createPetition(server, 'same-key');
      await createPetition(server, 'crowd', { baselineSignatures: 5000 });
    });

    test('200 concurrent POSTs with one idempotency key make exactly one signature', async () => {
      const request = signature();
      const responses = await Promise.all(Array.from({ length: 200 }, () => postSignature(server.url, 'same-key', request)));
      const statuses = responses.map((response) => response.status);
      assert.equal(statuses.filter((status) => status === 201).length, 1, `statuses: ${[...new Set(statuses)].join(', ')}`);
      assert.equal(statuses.filter((status) => status === 200).length, 199);
      for (const response of responses) assert.equal(signatureResponseSchema.parse(response.body).signatureCount, 1);
      const rows = await server.app.store.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM signatures WHERE petition_id = 'same-key'",
      );
      assert.equal(rows[0]?.n, 1);
      assert.equal(await count('same-key'), 1);
    });

    test('1,000 concurrent distinct signers raise the count by exactly 1,000, with no error', async () => {
      const before = await count('crowd');
      const responses = await Promise.all(Array.from({ length: 1000 }, () => postSignature(server.url, 'crowd', signature())));
      const statuses = new Map<number, number>();
      for (const response of responses) statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      assert.deepEqual([...statuses], [[201, 1000]]);
      // Every answer carried a distinct count: each signature saw the one before it.
      const answered = new Set(responses.map((response) => signatureResponseSchema.parse(response.body).signatureCount));
      assert.equal(answered.size, 1000);
      assert.equal(Math.max(...answered), before + 1000);
      assert.equal(await count('crowd'), before + 1000);
      const rows = await server.app.store.db.query<{ n: number }>("SELECT count(*)::int AS n FROM signatures WHERE petition_id = 'crowd'");
      assert.equal(rows[0]?.n, 1000);
    });
  });
}
