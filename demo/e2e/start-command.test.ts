// The README's first command, `npm start`, serves the demo campaign page over HTTP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, root } from './harness.js';

test('`npm start` (the README command) installs, builds and serves the demo page and the API', { timeout: 300_000 }, async () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.match(readme, /^npm start\b/m, 'the README gives `npm start`');
  assert.match(readme, /^npm test\b/m, 'the README gives `npm test`');

  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'agir-start-'));
  const { HOST: _host, ...environment } = process.env; // no HOST: the default must be this machine only
  const child = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    env: { ...environment, PORT: String(port), AGIR_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening" line after 240 s:\n${output.slice(-3000)}`)), 240_000);
      const check = setInterval(() => {
        if (/agir-server listening on http/.test(output)) {
          clearTimeout(timer);
          clearInterval(check);
          resolve();
        }
      }, 100);
      child.on('exit', (code) => {
        clearTimeout(timer);
        clearInterval(check);
        reject(new Error(`npm start exited with ${code}:\n${output.slice(-3000)}`));
      });
    });
    assert.match(output, new RegExp(`agir-server listening on http://127\\.0\\.0\\.1:${port}\\b`), 'listens on 127.0.0.1 by default');
    const page = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const html = await page.text();
    assert.match(html, /<html lang="fr"/);
    assert.match(html, /Xinjiang|Agir/);

    const petition = (await (await fetch(`http://127.0.0.1:${port}/api/v1/petitions/xinjiang`)).json()) as {
      signatureCount: number;
      countryCount: number;
    };
    assert.equal(petition.signatureCount, 323832, 'seeded with the campaign page count');
    assert.equal(petition.countryCount, 184);
    const loader = await fetch(`http://127.0.0.1:${port}/cdn/agir.js`);
    assert.equal(loader.status, 200, 'the CDN loader is served');
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}.keys`, { recursive: true, force: true });
  }
});
