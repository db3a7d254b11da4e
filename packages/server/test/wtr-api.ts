/**
 * The reference server inside the browser tests: web-test-runner.config.mjs mounts it under `/agir-api/`
 * of its own test server, so the elements' code, their live streams and their requests share one
 * HTTP/1.1 host, as on a campaign site served by the reference server. A PGlite database in a temporary
 * folder (removed at exit), five open petitions `live-1` to `live-5`, no rate limit and no fill-time check
 * (tests type fast). `GET /agir-api/_stats` answers the app's stats (open streams and their listeners).
 * Not a test file (no `.test.ts`): the server suite does not run it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { createApp } from '../src/index.js';

export const LIVE_PETITIONS = ['live-1', 'live-2', 'live-3', 'live-4', 'live-5'];

export async function referenceApi(prefix: string): Promise<(req: IncomingMessage, res: ServerResponse) => Promise<void>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'agir-wtr-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const app = await createApp({
    dataDir: path.join(dir, 'db'),
    log: false,
    staticDirs: { demo: null, cdn: null },
    rateLimit: false,
    minFillMs: 0,
  });
  for (const [index, id] of LIVE_PETITIONS.entries())
    await app.store.createPetition({ id, title: `Petition ${id}`, locale: 'en', goal: 1000, baselineSignatures: 100 * (index + 1) });
  const listener = getRequestListener(app.fetch);
  return async (req, res) => {
    req.url = (req.url ?? '/').slice(prefix.length) || '/';
    if (req.url === '/_stats') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ sseConnections: app.stats.sseConnections, sseListeners: app.stats.sseListeners }));
      return;
    }
    await listener(req, res);
  };
}
