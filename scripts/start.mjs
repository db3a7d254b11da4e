// `npm start` / `pnpm start`: installs what is missing, builds, and serves the demo with the reference
// server (PGlite in .data/, seeded with the campaign) on http://localhost:8787 (PORT to change), listening on
// 127.0.0.1 only (HOST=0.0.0.0 to open it to the network).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureInstalled, log, root, run } from './lib.mjs';

ensureInstalled();
run('pnpm', ['run', 'build']);
const port = process.env.PORT ?? '8787';
log(`starting the reference server: demo at http://localhost:${port}/, API at /api/v1, CDN files at /cdn/`);
const server = spawn(
  process.execPath,
  [
    path.join(root, 'packages/server/bin/agir-server.mjs'),
    'start',
    '--seed',
    '--host',
    process.env.HOST ?? '127.0.0.1',
    '--port',
    port,
    // `npm start -- --cors-origins https://section.example` (or any agir-server start option) reaches the server.
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', cwd: root },
);
// `docker stop`, systemd and `kill` signal this process alone (Ctrl-C reaches the whole group): pass it on, so
// the server stops and frees its data folder instead of living on without us.
// As SIGTERM, once: Ctrl-C also reaches the server itself as SIGINT, and each of its stop signals is heard once.
let stopping = false;
const stop = () => {
  if (!stopping) server.kill('SIGTERM');
  stopping = true;
};
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, stop);
// npm (11) passes no SIGTERM on to its script: it exits, and this process is handed to another parent.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && stop(), 250).unref();
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
