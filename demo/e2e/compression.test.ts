// Issue 17: the real CDN build served by the reference server as brotli or gzip, the bytes on the wire being
// the precompressed files (Content-Length included); Subresource Integrity still holding in a browser that
// takes brotli (SRI is over the decoded bytes); API JSON and demo pages compressed, event streams not.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium, root, servePage, startReferenceServer, type ReferenceServer } from './harness.js';

const cdnDir = path.join(root, 'packages/elements/dist/cdn');
const sri = JSON.parse(readFileSync(path.join(cdnDir, 'sri.json'), 'utf8')) as Record<string, string>;

/** A GET with node:http, which never decodes: `bytes` is exactly what crossed the wire. */
function wireGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('compression by the reference server', () => {
  let server: ReferenceServer;
  let browser: Browser;
  before(async () => {
    server = await startReferenceServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  test('every CDN file goes as its precompressed brotli or gzip file: the bytes on the wire are those files', async (t) => {
    const files = Object.keys(sri);
    assert.ok(files.length >= 10, `${files.length} CDN files`);
    const totals = { raw: 0, gzip: 0, br: 0 };
    for (const file of files) {
      const raw = readFileSync(path.join(cdnDir, file));
      totals.raw += raw.length;
      for (const [accept, encoding, suffix] of [
        ['gzip, deflate, br, zstd', 'br', '.br'],
        ['gzip, deflate', 'gzip', '.gz'],
      ] as const) {
        const wire = await wireGet(`${server.origin}/cdn/${file}`, { 'accept-encoding': accept });
        assert.equal(wire.status, 200, file);
        assert.equal(wire.headers['content-length'], String(wire.bytes.length), `${file}: Content-Length is the bytes sent`);
        assert.match(wire.headers['cache-control'] ?? '', file.startsWith('chunks/') ? /immutable/ : /max-age=300/);
        const sibling = path.join(cdnDir, file + suffix);
        if (raw.length < 1024) {
          assert.equal(wire.headers['content-encoding'], undefined, `${file} (${raw.length} bytes) goes as it is`);
          assert.deepEqual(wire.bytes, raw);
          totals[encoding] += raw.length;
          continue;
        }
        assert.ok(existsSync(sibling), `the build wrote ${file}${suffix}`);
        assert.equal(wire.headers['content-encoding'], encoding, file);
        assert.equal(wire.bytes.length, statSync(sibling).size, `${file}: the ${encoding} file's size on the wire`);
        assert.deepEqual(wire.bytes, readFileSync(sibling));
        assert.deepEqual(
          encoding === 'br' ? brotliDecompressSync(wire.bytes) : gunzipSync(wire.bytes),
          raw,
          `${file}${suffix} decodes to ${file}`,
        );
        assert.equal(wire.headers.vary, 'Accept-Encoding');
        totals[encoding] += wire.bytes.length;
      }
    }
    t.diagnostic(`${files.length} CDN JavaScript files: ${totals.raw} bytes raw, ${totals.gzip} gzip, ${totals.br} brotli on the wire`);
    const loader = readFileSync(path.join(cdnDir, 'agir.js'));
    t.diagnostic(
      `agir.js: ${loader.length} raw, ${statSync(path.join(cdnDir, 'agir.js.gz')).size} gzip, ${statSync(path.join(cdnDir, 'agir.js.br')).size} brotli`,
    );
    assert.ok(totals.br < totals.gzip && totals.gzip < totals.raw / 2, JSON.stringify(totals));
  });

  test('Subresource Integrity holds over brotli: the pinned loader runs; a wrong hash is refused', async () => {
    const page = async (integrity: string) => {
      const context = await browser.newContext();
      await servePage(
        context,
        'http://sri.example/',
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>SRI</title>
        <meta name="agir:endpoint" content="${server.api}">
        <script type="module" src="${server.origin}/cdn/agir.js" integrity="${integrity}" crossorigin="anonymous"></script></head>
        <body><main><signature-counter petition="xinjiang"></signature-counter></main></body></html>`,
      );
      const tab = await context.newPage();
      const encodings: string[] = [];
      tab.on('response', (response) => {
        if (response.url() === `${server.origin}/cdn/agir.js`) encodings.push(response.headers()['content-encoding'] ?? 'identity');
      });
      const console: string[] = [];
      tab.on('console', (message) => console.push(message.text()));
      await tab.goto('http://sri.example/');
      return { context, tab, encodings, console };
    };
    const pinned = await page(sri['agir.js']!);
    await pinned.tab.waitForFunction(() => /323\u202f832/.test(document.querySelector('signature-counter')?.shadowRoot?.textContent ?? ''));
    assert.deepEqual(pinned.encodings, ['br'], 'Chromium took the loader in brotli');
    await pinned.context.close();

    const wrong = await page(`sha384-${'A'.repeat(64)}`);
    await wrong.tab.waitForFunction(() => document.readyState === 'complete');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(
      await wrong.tab.evaluate(() => customElements.get('signature-counter') === undefined),
      true,
      'the tampered loader did not run',
    );
    assert.ok(
      wrong.console.some((line) => /integrity/i.test(line)),
      wrong.console.join('\n'),
    );
    await wrong.context.close();
  });

  test('API JSON and demo pages are compressed; the count stream is not', async (t) => {
    const cases = await wireGet(`${server.api}/cases?locale=fr`, { 'accept-encoding': 'gzip, deflate, br' });
    const casesRaw = await wireGet(`${server.api}/cases?locale=fr`);
    assert.equal(cases.headers['content-encoding'], 'br');
    assert.equal(cases.headers['content-length'], String(cases.bytes.length));
    assert.deepEqual(brotliDecompressSync(cases.bytes), casesRaw.bytes);
    const petition = await wireGet(`${server.api}/petitions/xinjiang`, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(petition.headers['content-encoding'], undefined, 'a count is too small to compress');
    const home = await wireGet(`${server.origin}/`, { 'accept-encoding': 'gzip, deflate, br' });
    const homeRaw = await wireGet(`${server.origin}/`);
    assert.equal(home.headers['content-encoding'], 'br');
    assert.deepEqual(brotliDecompressSync(home.bytes), homeRaw.bytes);
    t.diagnostic(`GET /api/v1/cases: ${casesRaw.bytes.length} bytes raw, ${cases.bytes.length} brotli`);
    t.diagnostic(`GET /api/v1/petitions/xinjiang: ${petition.bytes.length} bytes (sent as is)`);
    t.diagnostic(`GET / (demo page): ${homeRaw.bytes.length} bytes raw, ${home.bytes.length} brotli`);

    const stream = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get(
          `${server.api}/petitions/xinjiang/stream`,
          { headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip, deflate, br' }, agent: false },
          resolve,
        )
        .on('error', reject);
    });
    try {
      assert.equal(stream.headers['content-encoding'], undefined);
      const first = await new Promise<string>((resolve) => stream.once('data', (chunk: Buffer) => resolve(chunk.toString())));
      assert.match(first, /event: count\ndata: \{"signatureCount":\d+/);
    } finally {
      stream.destroy();
    }
  });
});
