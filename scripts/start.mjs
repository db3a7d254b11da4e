// `npm start` / `pnpm start`: installs what is missing, builds, and serves the demo with the reference
// server (PGlite in .data/, seeded with the campaign) on http://localhost:8787 (PORT to change), listening on
// 127.0.0.1 only (HOST=0.0.0.0 to open it to the network).
import path from 'node:path';
import { ensureInstalled, log, root, run } from './lib.mjs';

ensureInstalled();
run('pnpm', ['run', 'build']);
const port = process.env.PORT ?? '8787';
log(`starting the reference server: demo at http://localhost:${port}/, API at /api/v1, CDN files at /cdn/`);
run(process.execPath, [
  path.join(root, 'packages/server/bin/agir-server.mjs'),
  'start',
  '--seed',
  '--host',
  process.env.HOST ?? '127.0.0.1',
  '--port',
  port,
  // `npm start -- --cors-origins https://section.example` (or any agir-server start option) reaches the server.
  ...process.argv.slice(2),
]);
