// Static serving of the demo (/) and the CDN build (/cdn/): content types, no way out of the folder,
// cache headers (long for hashed chunks), CSP for the demo pages, CORP for the CDN.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { errorBodySchema } from '@agir/core';
import { buildApp, DEFAULT_DEMO_CSP, Store, type Database } from '../src/index.js';
import { serveApp, tempDir } from './helpers.js';

/** Static routes never touch the database. */
const noDatabase: Database = {
  kind: 'pglite',
  query: async () => {
    throw new Error('no database in this test');
  },
  exec: async () => undefined,
  transaction: async () => {
    throw new Error('no database in this test');
  },
  close: async () => undefined,
};

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise `..`). */
function rawGet(base: string, rawPath: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, path: rawPath, method: 'GET', agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('static files', () => {
  let base: string;
  let demoCspBase: string;

  before(async () => {
    const root = tempDir('agir-static-');
    const demo = path.join(root, 'demo');
    const cdn = path.join(root, 'cdn');
    mkdirSync(path.join(demo, 'img'), { recursive: true });
    mkdirSync(path.join(demo, 'en'), { recursive: true });
    mkdirSync(path.join(demo, 'node_modules'), { recursive: true });
    mkdirSync(path.join(cdn, 'chunks'), { recursive: true });
    writeFileSync(path.join(demo, 'index.html'), '<!doctype html><title>Agir</title>');
    writeFileSync(path.join(demo, 'en', 'index.html'), '<!doctype html><title>Agir (en)</title>');
    writeFileSync(path.join(demo, 'app.js'), 'export {};');
    writeFileSync(path.join(demo, 'styles.css'), 'body{}');
    writeFileSync(path.join(demo, 'img', 'akber.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(path.join(demo, 'photo.webp'), 'RIFF');
    writeFileSync(path.join(demo, '.env'), 'SECRET=1');
    writeFileSync(path.join(demo, 'node_modules', 'x.js'), 'secret');
    writeFileSync(path.join(root, 'secret.txt'), 'outside the demo folder');
    symlinkSync(root, path.join(demo, 'escape'));
    writeFileSync(path.join(cdn, 'loader.js'), 'export {};');
    writeFileSync(path.join(cdn, 'chunks', 'petition-form-3f9a1c.js'), 'export {};');

    const store = new Store(noDatabase);
    base = await serveApp(buildApp(store, { log: false, staticDirs: { demo, cdn } }));
    demoCspBase = await serveApp(
      buildApp(store, { log: false, staticDirs: { demo, cdn: path.join(root, 'not-built') }, demoCsp: "default-src 'self'" }),
    );
  });

  test('the demo is served at / with content types and the demo CSP', async () => {
    const index = await fetch(`${base}/`);
    assert.equal(index.status, 200);
    assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(await index.text(), /<title>Agir<\/title>/);
    const csp = index.headers.get('content-security-policy') ?? '';
    assert.equal(csp, DEFAULT_DEMO_CSP);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /require-trusted-types-for 'script'; trusted-types lit-html agir/);
    assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(index.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');

    const types: Record<string, string> = {
      '/index.html': 'text/html; charset=utf-8',
      '/app.js': 'text/javascript; charset=utf-8',
      '/styles.css': 'text/css; charset=utf-8',
      '/img/akber.svg': 'image/svg+xml',
      '/photo.webp': 'image/webp',
    };
    for (const [file, type] of Object.entries(types)) {
      const response = await fetch(`${base}${file}`);
      assert.equal(response.status, 200, file);
      assert.equal(response.headers.get('content-type'), type, file);
    }
    const folder = await fetch(`${base}/en`, { redirect: 'manual' });
    assert.equal(folder.status, 301);
    assert.equal(folder.headers.get('location'), 'en/');
    assert.match(await (await fetch(`${base}/en/`)).text(), /Agir \(en\)/);

    const custom = await fetch(`${demoCspBase}/`);
    assert.equal(custom.headers.get('content-security-policy'), "default-src 'self'");
  });

  test('nothing outside the folder, no dot-files, no node_modules', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
      '/img/..%2f..%2fsecret.txt',
      '/.env',
      '/%2eenv',
      '/node_modules/x.js',
      '/escape/secret.txt',
      '/app.js%00.html',
      '/%E0%A4%A',
      '/cdn/../secret.txt',
      '/cdn/%2e%2e/%2e%2e/secret.txt',
    ]) {
      const response = await rawGet(base, attempt);
      assert.equal(response.status, 404, `${attempt} → ${response.status}`);
      assert.ok(!response.body.includes('outside the demo folder') && !response.body.includes('SECRET'), attempt);
      assert.ok(errorBodySchema.safeParse(JSON.parse(response.body)).success, attempt);
    }
  });

  test('ETag and 304 for static files', async () => {
    const first = await fetch(`${base}/app.js`);
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const again = await fetch(`${base}/app.js`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });

  test('the CDN build at /cdn/: long cache for hashed chunks, short for the loader, loadable from other sites', async () => {
    const loader = await fetch(`${base}/cdn/loader.js`);
    assert.equal(loader.status, 200);
    assert.equal(loader.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(loader.headers.get('cache-control'), 'public, max-age=300');
    assert.equal(loader.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(loader.headers.get('access-control-allow-origin'), '*');
    assert.equal(loader.headers.get('content-security-policy'), null);

    const chunk = await fetch(`${base}/cdn/chunks/petition-form-3f9a1c.js`);
    assert.equal(chunk.status, 200);
    assert.equal(chunk.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(chunk.headers.get('cross-origin-resource-policy'), 'cross-origin');
    // The build names no map inside its scripts: the header does, relative to the script.
    assert.equal(chunk.headers.get('sourcemap'), 'petition-form-3f9a1c.js.map');
    assert.equal(loader.headers.get('sourcemap'), 'loader.js.map');

    assert.equal((await fetch(`${base}/cdn/nope.js`)).status, 404);
    assert.equal((await fetch(`${base}/cdn`, { redirect: 'manual' })).headers.get('location'), '/cdn/');
    // Not built yet: 404, not a crash.
    assert.equal((await fetch(`${demoCspBase}/cdn/loader.js`)).status, 404);
  });

  test('the API is not shadowed by the demo', async () => {
    const response = await fetch(`${base}/api/v1/nothing-here`);
    assert.equal(response.status, 404);
    assert.ok(errorBodySchema.safeParse(await response.json()).success);
  });
});
