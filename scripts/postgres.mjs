// A throwaway PostgreSQL cluster on loopback, for the server's tests and benchmark.
//   const { url, stop } = await startPostgres();   // url: postgres://postgres@127.0.0.1:PORT/agir
// Uses the machine's PostgreSQL binaries (PATH, then /usr/lib/postgresql/<newest>/bin; installs Debian's
// `postgresql` package when they are missing and we are root). initdb and postgres refuse to run as root,
// so as root they run as the `postgres` user, in a temporary folder it owns. `stop()` removes everything.
// Node built-ins only (this runs from the repository root, where `pg` is not installed).
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { aptInstall } from './lib.mjs';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The folder holding initdb, pg_ctl, postgres and createdb, or undefined. */
function findBinaries() {
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  if (onPath.status === 0) {
    const dir = path.dirname(onPath.stdout.trim());
    if (existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'createdb'))) return dir;
  }
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((name) => existsSync(path.join(base, name, 'bin', 'pg_ctl')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions.length ? path.join(base, versions[0], 'bin') : undefined;
}

function ensureBinaries() {
  let dir = findBinaries();
  if (!dir && aptInstall(['postgresql'])) dir = findBinaries();
  if (!dir) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl) not found: install PostgreSQL (Debian/Ubuntu: apt-get install postgresql).',
    );
  }
  return dir;
}

/** The uid/gid to run PostgreSQL as: `postgres` when we are root, ourselves otherwise. */
function runAs() {
  if (!isRoot) return {};
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('Running as root but there is no `postgres` user to run PostgreSQL as.');
  return { uid, gid };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function exec(bin, args, user) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      ...user,
      cwd: os.tmpdir(),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${path.basename(bin)} ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

/**
 * Starts a PostgreSQL cluster on 127.0.0.1 at a free port, with a database `agir` owned by `postgres`
 * (trust authentication, loopback only). Resolves with its URL and a `stop()` that shuts it down and
 * deletes its folder. The cluster is also stopped if this process exits without calling `stop()`.
 */
export async function startPostgres() {
  const bin = ensureBinaries();
  const user = runAs();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'agir-pg-'));
  if (isRoot) chownSync(dir, user.uid, user.gid);
  const dataDir = path.join(dir, 'data');
  const pgCtl = path.join(bin, 'pg_ctl');

  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    spawnSync(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], { ...user, stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  // The postmaster outlives us unless stopped: on exit, and on a signal that would end the process
  // (re-raised afterwards when nobody else handles it, so the process still ends as it would have).
  const onSignal = (signal) => {
    stopNow();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const forget = () => {
    process.removeListener('exit', stopNow);
    for (const signal of signals) process.removeListener(signal, onSignal);
  };
  process.once('exit', stopNow);
  for (const signal of signals) process.once(signal, onSignal);

  try {
    await exec(path.join(bin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-instructions'], user);
    let port;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      try {
        await exec(
          pgCtl,
          [
            '-D',
            dataDir,
            '-l',
            path.join(dir, 'postgres.log'),
            '-w',
            '-t',
            '30',
            '-o',
            `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
            'start',
          ],
          user,
        );
        break;
      } catch (error) {
        if (attempt >= 2) throw error; // another process took the port between our probe and start
      }
    }
    await exec(path.join(bin, 'createdb'), ['-h', dir, '-p', String(port), '-U', 'postgres', 'agir'], user);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/agir`,
      async stop() {
        if (stopped) return;
        stopped = true;
        forget();
        await exec(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop'], user).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    stopNow();
    forget();
    throw error;
  }
}

// `node scripts/postgres.mjs`: start a cluster, print its URL, stop on Ctrl-C.
if (import.meta.url === `file://${process.argv[1]}`) {
  const postgres = await startPostgres();
  console.log(postgres.url);
  const stop = () => postgres.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
