// Compression as a client sees it on the wire (raw HTTP, nothing decoded for us): CDN files sent as their
// precompressed siblings by Accept-Encoding, with Content-Length equal to the bytes sent, an ETag per
// encoding, Vary and the immutable cache kept; demo pages and API JSON compressed on the fly, small
// bodies not; server-sent events neither compressed nor held back.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import type { RunningServer } from '../src/index.js';
import { backends, createPetition, postSignature, signature, startTestServer, tempDir } from './helpers.js';

interface Wire {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the connection (still encoded). */
  bytes: Buffer;
}

/** A GET with node:http, which never decodes: `bytes` is exactly what crossed the wire. */
function wireGet(url: string, headers: Record<string, string> = {}): Promise<Wire> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
  });
}

const decode = (wire: Wire): Buffer =>
  wire.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(wire.bytes)
    : wire.headers['content-encoding'] === 'gzip'
      ? gunzipSync(wire.bytes)
      : wire.bytes;

/** JavaScript-like text that compresses well, different on every call. */
const scriptText = (label: string): string =>
  Array.from({ length: 200 }, (_, i) => `export const ${label}${i} = "${randomBytes(4).toString('hex')}" + ${i};`).join('\n');

describe('compression', () => {
  let server: RunningServer;
  let base: string;
  const cdn = path.join(tempDir('agir-compress-'), 'cdn');
  const demo = path.join(path.dirname(cdn), 'demo');
  const loader = scriptText('loader');
  const chunk = scriptText('chunk');
  // Siblings as the CDN build writes them (brotli 11, gzip 9), made here so they can be told apart from
  // anything the server would compress itself (it uses lower settings).
  const loaderBr = brotliCompressSync(loader, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  const loaderGz = gzipSync(loader, { level: 9 });
  const chunkBr = brotliCompressSync(chunk, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });

  before(async () => {
    mkdirSync(path.join(cdn, 'chunks'), { recursive: true });
    mkdirSync(demo, { recursive: true });
    writeFileSync(path.join(cdn, 'agir.js'), loader);
    writeFileSync(path.join(cdn, 'agir.js.br'), loaderBr);
    writeFileSync(path.join(cdn, 'agir.js.gz'), loaderGz);
    writeFileSync(path.join(cdn, 'chunks', 'lit-abc123.js'), chunk);
    writeFileSync(path.join(cdn, 'chunks', 'lit-abc123.js.br'), chunkBr);
    writeFileSync(path.join(cdn, 'tiny.js'), 'export {};');
    writeFileSync(path.join(cdn, 'logo.png'), randomBytes(4096));
    writeFileSync(path.join(demo, 'index.html'), `<!doctype html><title>Agir</title>${'<p>Liberté pour les détenus.</p>'.repeat(200)}`);
    server = await startTestServer(await backends[0]!.fresh(), {
      seed: true,
      staticDirs: { cdn, demo },
      rateLimit: false,
      sse: { minIntervalMs: 50 },
    });
    base = server.url;
  });

  test('a CDN file is sent as its brotli or gzip sibling by Accept-Encoding; Content-Length is the bytes sent', async () => {
    const br = await wireGet(`${base}/cdn/agir.js`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.deepEqual(br.bytes, loaderBr, 'the precompressed file, byte for byte');
    assert.equal(br.headers['content-length'], String(loaderBr.length));
    assert.ok(loaderBr.length < Buffer.byteLength(loader) / 2, `brotli ${loaderBr.length} of ${Buffer.byteLength(loader)} bytes`);
    assert.equal(decode(br).toString(), loader);

    const gz = await wireGet(`${base}/cdn/agir.js`, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gz.bytes, loaderGz);
    assert.equal(gz.headers['content-length'], String(loaderGz.length));

    const refused = await wireGet(`${base}/cdn/agir.js`, { 'accept-encoding': 'br;q=0, gzip' });
    assert.equal(refused.headers['content-encoding'], 'gzip', 'br;q=0 is honoured');

    const identity = await wireGet(`${base}/cdn/agir.js`);
    assert.equal(identity.headers['content-encoding'], undefined);
    assert.equal(identity.bytes.toString(), loader);
    assert.equal(identity.headers['content-length'], String(Buffer.byteLength(loader)));
    const none = await wireGet(`${base}/cdn/agir.js`, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    assert.equal(none.headers['content-encoding'], undefined);

    for (const answer of [br, gz, identity]) {
      assert.equal(answer.headers.vary, 'Accept-Encoding');
      assert.equal(answer.headers['content-type'], 'text/javascript; charset=utf-8');
      assert.equal(answer.headers['access-control-allow-origin'], '*');
      assert.equal(answer.headers['cache-control'], 'public, max-age=300');
    }
    const tags = new Set([br, gz, identity].map((answer) => answer.headers.etag));
    assert.equal(tags.size, 3, `one ETag per encoding: ${[...tags].join(' ')}`);
  });

  test('ETag per encoding: 304 for the tag of the encoding asked, 200 for another', async () => {
    const br = await wireGet(`${base}/cdn/agir.js`, { 'accept-encoding': 'br' });
    const again = await wireGet(`${base}/cdn/agir.js`, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! });
    assert.equal(again.status, 304);
    assert.equal(again.headers.etag, br.headers.etag);
    assert.equal(again.headers.vary, 'Accept-Encoding');
    assert.equal(again.bytes.length, 0);
    const otherEncoding = await wireGet(`${base}/cdn/agir.js`, { 'accept-encoding': 'gzip', 'if-none-match': br.headers.etag! });
    assert.equal(otherEncoding.status, 200, 'a gzip client does not get a 304 for the brotli bytes');
    assert.equal(otherEncoding.headers['content-encoding'], 'gzip');
  });

  test('hashed chunks keep their immutable year; a file with no sibling for that encoding is compressed here', async () => {
    const br = await wireGet(`${base}/cdn/chunks/lit-abc123.js`, { 'accept-encoding': 'br' });
    assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.deepEqual(br.bytes, chunkBr);
    const gz = await wireGet(`${base}/cdn/chunks/lit-abc123.js`, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gz.headers['content-length'], String(gz.bytes.length));
    assert.equal(decode(gz).toString(), chunk);
    assert.equal(gz.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  test('a sibling older than its file is never sent (the file was changed after the build)', async () => {
    const file = path.join(cdn, 'stale.js');
    const fresh = scriptText('fresh');
    writeFileSync(`${file}.br`, brotliCompressSync(scriptText('old')));
    utimesSync(`${file}.br`, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    writeFileSync(file, fresh);
    const br = await wireGet(`${base}/cdn/stale.js`, { 'accept-encoding': 'br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(decode(br).toString(), fresh);
  });

  test('small files and images go as they are, without Vary', async () => {
    const tiny = await wireGet(`${base}/cdn/tiny.js`, { 'accept-encoding': 'br, gzip' });
    assert.equal(tiny.headers['content-encoding'], undefined);
    assert.equal(tiny.bytes.toString(), 'export {};');
    assert.equal(tiny.headers.vary, undefined);
    const png = await wireGet(`${base}/cdn/logo.png`, { 'accept-encoding': 'br, gzip' });
    assert.equal(png.headers['content-encoding'], undefined);
    assert.equal(png.bytes.length, 4096);
  });

  test('demo pages are compressed (and revalidated by their per-encoding ETag)', async () => {
    const page = await wireGet(`${base}/`, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-encoding'], 'br');
    assert.equal(page.headers['content-length'], String(page.bytes.length));
    assert.match(decode(page).toString(), /Liberté pour les détenus/);
    assert.ok(page.bytes.length < 300, `${page.bytes.length} bytes on the wire`);
    assert.equal(page.headers['cache-control'], 'no-cache');
    const again = await wireGet(`${base}/`, { 'accept-encoding': 'gzip, deflate, br', 'if-none-match': page.headers.etag! });
    assert.equal(again.status, 304);
  });

  test('API JSON of 1 kB and more is compressed on the fly; a small answer is not', async () => {
    const list = await wireGet(`${base}/api/v1/cases`, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(list.status, 200);
    assert.equal(list.headers['content-encoding'], 'br');
    assert.equal(list.headers['content-length'], String(list.bytes.length));
    const plain = await wireGet(`${base}/api/v1/cases`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(JSON.parse(decode(list).toString()), JSON.parse(plain.bytes.toString()));
    // Its ETag (one per language, issue 19) is weak: it holds for every encoding of the same JSON, and revalidates.
    assert.match(list.headers.etag ?? '', /^W\/"[\w-]+"$/);
    assert.equal(plain.headers.etag, list.headers.etag);
    assert.equal((await wireGet(`${base}/api/v1/cases`, { 'accept-encoding': 'br', 'if-none-match': list.headers.etag! })).status, 304);
    assert.ok(list.bytes.length < plain.bytes.length / 2, `cases: ${plain.bytes.length} bytes, ${list.bytes.length} in brotli`);
    assert.match(list.headers.vary ?? '', /Accept-Encoding/);
    assert.equal(list.headers['access-control-allow-origin'], '*');
    assert.equal(list.headers['x-content-type-options'], 'nosniff', 'the security headers survive');
    const gz = await wireGet(`${base}/api/v1/cases`, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(decode(gz), plain.bytes);

    const petition = await wireGet(`${base}/api/v1/petitions/xinjiang`, { 'accept-encoding': 'br' });
    assert.equal(petition.headers['content-encoding'], undefined, `${petition.bytes.length} bytes: not worth a frame`);
    assert.equal(petition.headers['content-length'], String(petition.bytes.length));
    assert.ok(petition.headers.etag);
    const notFound = await wireGet(`${base}/api/v1/petitions/nope`, { 'accept-encoding': 'br' });
    assert.equal(notFound.status, 404);
    assert.equal(notFound.headers['content-encoding'], undefined);
  });

  test('server-sent events are not compressed and each event arrives at once, whatever the client accepts', async () => {
    await createPetition(server, 'streamed');
    const stream = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = http.get(
        `${base}/api/v1/petitions/streamed/stream`,
        { headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip, deflate, br' }, agent: false },
        (response) => {
          clearTimeout(timer);
          resolve(response);
        },
      );
      // A layer that buffers the stream to compress it would never send even the headers.
      const timer = setTimeout(() => {
        request.destroy();
        reject(new Error('no answer within 3 s: the stream is held back'));
      }, 3000);
      request.on('error', reject);
    });
    try {
      assert.equal(stream.statusCode, 200);
      assert.equal(stream.headers['content-encoding'], undefined);
      assert.match(stream.headers['content-type'] ?? '', /^text\/event-stream/);
      assert.equal(stream.headers['content-length'], undefined);
      let text = '';
      stream.setEncoding('utf8');
      const waitFor = (pattern: RegExp, ms: number) =>
        new Promise<number>((resolve, reject) => {
          const started = Date.now();
          const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms: ${text}`)), ms);
          const check = () => {
            if (!pattern.test(text)) return;
            clearTimeout(timer);
            stream.off('data', onData);
            resolve(Date.now() - started);
          };
          const onData = (chunk: string) => {
            text += chunk;
            check();
          };
          stream.on('data', onData);
          check();
        });
      await waitFor(/"signatureCount":0/, 2000);
      const signed = await postSignature(base, 'streamed', signature());
      assert.equal(signed.status, 201);
      const ms = await waitFor(/"signatureCount":1/, 1000);
      assert.ok(ms < 1000, `the new count came ${ms} ms after the signature`);
    } finally {
      stream.destroy();
    }
  });
});
