// Shared by the benches in bench/: the reference server in a child process, and Debian's Chromium flags.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { root } from './lib.mjs';

/** Chromium as root on this machine, with no background traffic (the network is closed here). */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** `agir-server start --seed` on a random port and a throwaway PGlite folder; resolves with { url, stop }. */
export async function startSeededServer(extraArgs = []) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'agir-bench-'));
  const child = spawn(
    process.execPath,
    [path.join(root, 'packages/server/bin/agir-server.mjs'), 'start', '--seed', '--port', '0', '--data-dir', dataDir, ...extraArgs],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise((resolve, reject) => {
    // Stopped when it did not start in time: its pipe would keep the caller (a bench, the e2e test) running forever.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the server did not start in 60 s'));
    }, 60_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /agir-server listening on (http:\/\/\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const docFile = path.join(root, 'docs/benchmarks.md');
/** Writes `body` into docs/benchmarks.md between `<!-- name:start -->` and `<!-- name:end -->` (appended if absent). */
export function writeSection(name, body) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  let doc = existsSync(docFile)
    ? readFileSync(docFile, 'utf8')
    : '# Benchmarks\n\nRun `pnpm bench` to reproduce every figure here (2-core machine, Node 20, Debian Chromium).\n';
  const block = `${start}\n${body.trim()}\n${end}`;
  doc = doc.includes(start) ? doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(docFile, doc);
}
