// Durability, on PGlite and on PostgreSQL: the CLI server is killed with SIGKILL in the middle of a load
// of signatures and started again; every signature that got a 2xx answer is stored, and the counter
// still equals the rows.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, test } from 'node:test';
import { petitionSchema, type SignatureRequest } from '@agir/core';
import { openDatabase } from '../src/index.js';
import { backends, getJson, onCleanup, postSignature, serverBin, signature, type DatabaseChoice } from './helpers.js';

const SEED_BASELINE = 323_832;

/** Starts `agir-server start` as a child process; resolves once it printed its URL. */
async function startCli(database: DatabaseChoice): Promise<{ child: ChildProcess; url: string }> {
  const args = ['start', '--port', '0', '--seed', '--rate-limit', 'off', '--quiet', '--no-demo'];
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  if ('dataDir' in database) args.push('--data-dir', database.dataDir);
  else {
    env.DATABASE_URL = database.databaseUrl;
    env.AGIR_KEY_DIR = database.keyDir;
  }
  const child = spawn(process.execPath, [serverBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  onCleanup(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'));
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line within 30 s; stderr: ${stderr}`)), 30_000);
    lines.on('line', (line) => {
      const match = /^agir-server listening on (http:\/\/\S+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}; stderr: ${stderr}`)));
  });
  return { child, url };
}

async function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
  return { code: child.exitCode, signal: child.signalCode };
}

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
