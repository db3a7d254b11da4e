// Hostile input never makes a 5xx, on both databases: every route, every field of a signature (JSON and
// form), path segments and query parameters, each given U+0000, lone surrogates, non-characters, overlong
// strings and malformed percent-encoding, with and without an Origin (CORS), as preflights too. Text the
// database cannot store is a 422 naming the field. Bounded loops, loopback only.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import type { RunningServer } from '../src/index.js';
import { backends, createPetition, signature, startTestServer, tempDir } from './helpers.js';

const ALLOWED = 'https://section.example';

/** Strings PostgreSQL cannot store or no reader can show, and strings too long for any field. */
const unstorable = ['\u0000', 'A\u0000da', 'x\uD800', '\uDC00x', 'x\uDBFF', 'x\uFFFE', 'x\uFFFF', 'x\uFDD0', 'x\uDBFF\uDFFF'];
const overlong = ['x'.repeat(2049), 'x'.repeat(5001)];
/** Path segments and query values with malformed or hostile percent-encoding. */
const badSegments = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%EF%BF%BE',
  '%C0%80',
  '%FF',
  '%%',
  '..%2F..%2Fetc',
  'x'.repeat(3000),
];

/** Every leaf of a JSON value, as a path. */
function leaves(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([key, child]) => leaves(child, [...prefix, key]));
}

function setAt(root: unknown, at: Array<string | number>, replacement: unknown): unknown {
  if (at.length === 0) return replacement;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = at;
  copy[head!] = setAt((root as Record<string | number, unknown>)[head!], rest, replacement);
  return copy;
}

async function request(url: string, init: RequestInit = {}): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  return { status: response.status, body: await response.text() };
}

for (const backend of backends) {
  describe(`hostile input makes no 5xx (${backend.name})`, () => {
    let server: RunningServer;
    let api: string;
    const errors: string[] = [];

    before(async () => {
      const root = tempDir('agir-fuzz-static-');
      mkdirSync(path.join(root, 'demo'));
      mkdirSync(path.join(root, 'cdn'));
      writeFileSync(path.join(root, 'demo', 'index.html'), '<!doctype html><title>demo</title>');
      writeFileSync(path.join(root, 'cdn', 'agir.js'), 'export {};');
      server = await startTestServer(await backend.fresh(), {
        seed: true,
        rateLimit: false,
        corsOrigins: [ALLOWED],
        staticDirs: { demo: path.join(root, 'demo'), cdn: path.join(root, 'cdn') },
        log: (line) => {
          if (line.includes('"level":"error"')) errors.push(line);
        },
      });
      api = `${server.url}/api/v1`;
      await createPetition(server, 'fuzz', { corsOrigins: ['https://partner.example'] });
    });

    test('every field of a JSON signature × U+0000, lone surrogates, non-characters, overlong: a 4xx naming the field', async () => {
      const valid = signature({
        person: { postalCode: '75011', phone: '+33 6 12 34 56 78' },
        comment: 'Libérez-les.',
        source: { url: 'https://example.org/p', referrer: 'https://news.example/', utm: { utm_source: 'mail' }, embed: 'partner-1' },
      });
      const paths = leaves(valid);
      assert.ok(paths.length >= 20, `${paths.length} fields`);
      let sent = 0;
      for (const at of paths) {
        for (const value of [...unstorable, ...overlong]) {
          const body = setAt({ ...valid, idempotencyKey: randomUUID() }, at, value);
          const { status, body: text } = await request(`${api}/petitions/fuzz/signatures`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: ALLOWED },
            body: JSON.stringify(body),
          });
          sent++;
          const field = at.join('.');
          assert.ok(status < 500, `${field} = ${JSON.stringify(value).slice(0, 40)}: ${status} ${text}`);
          assert.equal(status, 422, `${field} = ${JSON.stringify(value).slice(0, 40)}: ${status} ${text}`);
          const fields = (JSON.parse(text) as { error: { fields?: Record<string, string> } }).error.fields ?? {};
          assert.ok(field in fields, `${field} named in ${text}`);
        }
      }
      // Hostile keys are dropped like any unknown key; a whole body of them, or raw invalid UTF-8, is no 5xx either.
      const keyed = await request(`${api}/petitions/fuzz/signatures`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...signature(), 'x\u0000': 1, '\uD800': 2, person: { ...signature().person, '\u0000': 'x' } }),
      });
      assert.equal(keyed.status, 201, keyed.body);
      const raw = await request(`${api}/petitions/fuzz/signatures`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: Buffer.concat([
          Buffer.from('{"idempotencyKey":"'),
          Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]),
          Buffer.from('"}'),
        ]),
      });
      assert.equal(raw.status, 422);
      assert.ok(sent > 200);
    });

    test('every field of the form route × the same values: a 4xx (or the error redirect) naming the field', async () => {
      const valid: Record<string, string> = {
        givenName: 'Léa',
        familyName: 'Sans-JS',
        email: `form-${randomUUID()}@example.org`,
        country: 'FR',
        postalCode: '75011',
        phone: '+33 6 12 34 56 78',
        comment: 'Libérez-les.',
        locale: 'fr',
        consent_newsletter: 'on',
        consent_newsletter_text: 'Je veux recevoir les nouvelles.',
        consent_newsletter_version: '2026-11',
        trap: '',
        startedAt: new Date(Date.now() - 30_000).toISOString(),
        idempotencyKey: randomUUID(),
        redirect: '/merci',
        error_redirect: '/signer',
      };
      for (const name of Object.keys(valid)) {
        for (const value of [...unstorable, ...overlong, '%zz']) {
          const fields = { ...valid, email: `form-${randomUUID()}@example.org`, idempotencyKey: randomUUID(), [name]: value };
          for (const encoding of ['urlencoded', 'multipart'] as const) {
            const body = encoding === 'urlencoded' ? new URLSearchParams(fields) : formData(fields);
            const { status, body: text } = await request(`${api}/petitions/fuzz/signatures/form`, {
              method: 'POST',
              body,
              headers: {
                origin: ALLOWED,
                referer: `${ALLOWED}/p?email=${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))}&x=%zz`,
              },
            });
            assert.ok(status < 500, `${name} = ${JSON.stringify(value).slice(0, 40)} (${encoding}): ${status} ${text}`);
          }
        }
        // U+0000 in a field: refused, naming it (in the JSON answer, or in the error redirect's `field=`).
        const { status, body: text } = await request(`${api}/petitions/fuzz/signatures/form`, {
          method: 'POST',
          body: new URLSearchParams({ ...valid, error_redirect: '', redirect: '', [name]: `a\u0000b` }),
        });
        assert.equal(status, 422, `${name}: ${text}`);
        assert.ok(Object.keys((JSON.parse(text) as { error: { fields: Record<string, string> } }).error.fields)[0]!.length > 0);
      }
    });

    test('malformed percent-encoding and hostile values in paths and queries, with an Origin, on reads, streams, signatures and preflights: 4xx', async () => {
      const targets = (segment: string) => [
        { method: 'GET', path: `/api/v1/petitions/${segment}` },
        { method: 'GET', path: `/api/v1/petitions/${segment}/stream` },
        { method: 'POST', path: `/api/v1/petitions/${segment}/signatures`, json: true },
        { method: 'POST', path: `/api/v1/petitions/${segment}/signatures/form`, form: true },
        { method: 'OPTIONS', path: `/api/v1/petitions/${segment}/signatures`, preflight: true },
        { method: 'OPTIONS', path: `/api/v1/petitions/${segment}`, preflight: true },
        { method: 'GET', path: `/api/v1/cases/${segment}` },
        { method: 'GET', path: `/api/v1/cases?tag=${segment}&locale=${segment}` },
        { method: 'GET', path: `/api/v1/cases/akber?locale=${segment}` },
        { method: 'GET', path: `/api/v1/${segment}` },
        { method: 'GET', path: `/embed/cases/${segment}` },
        { method: 'GET', path: `/embed/petitions/${segment}?lang=${segment}` },
        { method: 'GET', path: `/embed/cases/akber?lang=${segment}` },
        { method: 'GET', path: `/oembed?url=${segment}&maxwidth=${segment}&format=${segment}` },
        { method: 'GET', path: `/oembed?url=${encodeURIComponent(`http://127.0.0.1/embed/cases/${segment}`)}` },
        { method: 'GET', path: `/cdn/${segment}` },
        { method: 'GET', path: `/${segment}` },
        { method: 'GET', path: `/${segment}/index.html?${segment}` },
      ];
      let sent = 0;
      for (const segment of badSegments) {
        for (const target of targets(segment)) {
          for (const origin of [undefined, ALLOWED, 'https://partner.example', 'null']) {
            const headers: Record<string, string> = {};
            if (origin) headers.origin = origin;
            if (target.preflight) headers['access-control-request-method'] = 'POST';
            let body: BodyInit | undefined;
            if (target.json) {
              headers['content-type'] = 'application/json';
              body = JSON.stringify(signature());
            } else if (target.form)
              body = new URLSearchParams({ givenName: 'A', familyName: 'B', email: `f-${randomUUID()}@example.org`, country: 'FR' });
            const { status, body: text } = await request(`${server.url}${target.path}`, { method: target.method, headers, body });
            sent++;
            assert.ok(status < 500, `${target.method} ${target.path.slice(0, 80)} (origin ${origin}): ${status} ${text.slice(0, 200)}`);
            if (target.method !== 'OPTIONS' && !target.path.startsWith('/api/v1/cases?') && !target.path.includes('/cases/akber'))
              assert.ok(status >= 400, `${target.method} ${target.path.slice(0, 80)}: ${status}`);
          }
        }
      }
      // Hostile headers: entity tags, the last event id, a forwarded address.
      for (const value of ['W/"', '"x"'.repeat(1000), '%zz', '\u00ff'.repeat(100)]) {
        const { status } = await request(`${api}/petitions/xinjiang`, { headers: { 'if-none-match': value, 'last-event-id': value } });
        assert.ok(status === 200 || status === 304, `If-None-Match ${value.slice(0, 20)}: ${status}`);
        sent++;
      }
      assert.ok(sent > 500);
    });

    test('nothing above was logged as a server error', () => {
      assert.deepEqual(errors, []);
    });
  });
}

function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}
