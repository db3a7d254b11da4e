// Durability, on PGlite and on PostgreSQL: the CLI server is killed with SIGKILL in the middle of a load
// of signatures and started again; every signature that got a 2xx answer is stored, and the counter
// still equals the rows.
import assert from 'node:assert/strict';

import { describe, test } from 'node:test';
import { petitionSchema, type SignatureRequest } from '@agir/core';
import { openDatabase } from '../src/index.js';
import { backends, type DatabaseChoice, exited, getJson, postSignature, signature, spawnServer } from './helpers.js';

const SEED_BASELINE = 323_832;

/** Starts `agir-server start` as a child process, seeded, without rate limits; resolves once it printed its URL. */
const startCli = (database: DatabaseChoice) => spawnServer(database, ['--seed', '--rate-limit', 'off']);

for (const backend of backends) {
  describe(`crash safety (${backend.name})`, () => {
    test('killed with SIGKILL during a load of signatures and restarted: every signature answered 2xx is stored', async () => {
      const database = await backend.fresh();
      const first = await startCli(database);

      const acknowledged: SignatureRequest[] = [];
      let stop = false;
      const worker = async () => {
        while (!stop) {
          const request = signature();
          try {
            const response = await postSignature(first.url, 'xinjiang', request);
            if (response.status >= 200 && response.status < 300) acknowledged.push(request);
          } catch {
            return; // the server is gone
          }
        }
      };
      const workers = Array.from({ length: 16 }, worker);
      while (acknowledged.length < 150) await new Promise((resolve) => setTimeout(resolve, 10));
      first.child.kill('SIGKILL');
      stop = true;
      await Promise.all(workers);
      assert.deepEqual(await exited(first.child), { code: null, signal: 'SIGKILL' });

      // Restart on the same data: recovery, then every acknowledged signature is there.
      const second = await startCli(database);
      const petition = petitionSchema.parse((await getJson(`${second.url}/api/v1/petitions/xinjiang`)).body);
      assert.ok(
        petition.signatureCount >= SEED_BASELINE + acknowledged.length,
        `${petition.signatureCount} < ${SEED_BASELINE} + ${acknowledged.length}`,
      );
      second.child.kill('SIGTERM');
      assert.deepEqual(await exited(second.child), { code: 0, signal: null }, 'stops cleanly on SIGTERM');

      const db = await openDatabase(database);
      try {
        const rows = await db.query<{ key: string }>("SELECT idempotency_key::text AS key FROM signatures WHERE petition_id = 'xinjiang'");
        const stored = new Set(rows.map((row) => row.key));
        const missing = acknowledged.filter((request) => !stored.has(request.idempotencyKey));
        assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged signatures lost`);
        const [counter] = await db.query<{ signature_count: number }>("SELECT signature_count FROM petitions WHERE id = 'xinjiang'");
        assert.equal(counter?.signature_count, rows.length, 'the counter equals the stored rows');
        assert.equal(petition.signatureCount, SEED_BASELINE + rows.length);
      } finally {
        await db.close();
      }
    });
  });
}
