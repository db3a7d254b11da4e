// `npm start` / `pnpm start`: installs what is missing, builds, and serves the demo with the reference server.
import { ensureInstalled, log, root, run } from './lib.mjs';

ensureInstalled();
run('pnpm', ['run', 'build']);
const port = process.env.PORT ?? '8787';
log(`starting the reference server on http://localhost:${port}/ (demo at /, API at /api/v1, CDN at /cdn/)`);
run('pnpm', ['--filter', '@agir/server', 'exec', 'node', 'bin/agir-server.mjs', 'start', '--seed'], { cwd: root });
