// The small pieces on their own: token buckets, client keys, origins, CSV cells, redirects, ETags,
// form decoding, the migration runner's checks.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { signatureRequestSchema } from '@agir/core';
import { DataKey, seal, unseal } from '../src/crypto.js';
import { csvCell, csvRow } from '../src/csv.js';
import { errorRedirect, formToRequest, safeRedirect } from '../src/form.js';
import { migrate, readMigrations } from '../src/migrate.js';
import { addressKey, allowOrigin, corsRoute, normaliseOrigin, TokenBuckets } from '../src/security.js';
import { etagMatches } from '../src/static.js';
import { compressible, negotiateEncoding, varyAcceptEncoding } from '../src/compress.js';
import { openDatabase } from '../src/index.js';
import { tempDir } from './helpers.js';

describe('TokenBuckets', () => {
  test('allows a burst of `capacity`, then refills at `refillPerSecond`, with a Retry-After in whole seconds', () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 3, refillPerSecond: 0.5 }, { now: () => now });
    for (let i = 0; i < 3; i++) assert.deepEqual(buckets.take('a'), { ok: true });
    assert.deepEqual(buckets.take('a'), { ok: false, retryAfterSeconds: 2 });
    assert.deepEqual(buckets.take('b'), { ok: true }, 'another client has its own bucket');
    now = 1000;
    assert.deepEqual(buckets.take('a'), { ok: false, retryAfterSeconds: 1 });
    now = 2000;
    assert.deepEqual(buckets.take('a'), { ok: true });
    now = 60_000;
    for (let i = 0; i < 3; i++) assert.deepEqual(buckets.take('a'), { ok: true }, 'never more than capacity');
    assert.equal(buckets.take('a').ok, false);
  });

  test('keeps memory bounded: idle (full) buckets go first, then the oldest', () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 2, refillPerSecond: 1 }, { maxKeys: 3, now: () => now });
    buckets.take('idle');
    now = 5000; // 'idle' is full again
    buckets.take('x');
    buckets.take('y');
    buckets.take('z');
    assert.equal(buckets.size, 3);
    for (let i = 0; i < 10; i++) buckets.take(`k${i}`);
    assert.ok(buckets.size <= 3);
  });

  test('refuses nonsense settings', () => {
    assert.throws(() => new TokenBuckets({ capacity: 0, refillPerSecond: 1 }), RangeError);
    assert.throws(() => new TokenBuckets({ capacity: 1, refillPerSecond: 0 }), RangeError);
  });
});

test('addressKey: IPv4 as is, IPv4-mapped IPv6 unwrapped, IPv6 by /64', () => {
  assert.equal(addressKey('203.0.113.7'), '203.0.113.7');
  assert.equal(addressKey('::ffff:203.0.113.7'), '203.0.113.7');
  assert.equal(addressKey('2001:db8:85a3:8d3:1319:8a2e:370:7348'), '2001:db8:85a3:8d3::/64');
  assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(addressKey('2001:db8::2'), addressKey('2001:db8:0:0:ffff::9'));
  assert.equal(addressKey('::1'), '0:0:0:0::/64');
  assert.equal(addressKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
});

test("origins: normalised; reads open to all, signatures by the petition's list, else the global one", async () => {
  assert.equal(normaliseOrigin('https://Example.org/path?q'), 'https://example.org');
  assert.equal(normaliseOrigin('https://example.org:443'), 'https://example.org');
  assert.equal(normaliseOrigin('ftp://example.org'), undefined);
  assert.equal(normaliseOrigin('example.org'), undefined);
  const lists = { p: ['https://b.example'] } as Record<string, string[]>;
  const open = { global: '*' as const, petitionOrigins: async (id: string) => lists[id] ?? [] };
  const listed = { ...open, global: ['https://a.example'] };
  const sign = (id: string) => `/api/v1/petitions/${id}/signatures`;
  // Public reads: '*' for any origin (or none), whatever the lists say.
  for (const policy of [open, listed, { ...open, global: [] }]) {
    assert.equal(await allowOrigin(policy, 'GET', '/api/v1/cases', 'https://evil.example'), '*');
    assert.equal(await allowOrigin(policy, 'GET', '/api/v1/cases/akber', undefined), '*');
    assert.equal(await allowOrigin(policy, 'HEAD', '/api/v1/petitions/p', 'https://evil.example'), '*');
    assert.equal(await allowOrigin(policy, 'GET', '/api/v1/petitions/p/stream', 'null'), '*');
    assert.equal(await allowOrigin(policy, 'GET', '/api/v1/stream', 'https://evil.example'), '*', 'the stream of several petitions');
  }
  // Signatures: any origin by default; a petition's own list restricts it; an explicit global list adds to it.
  assert.equal(await allowOrigin(open, 'POST', sign('q'), 'https://any.example'), '*');
  assert.equal(await allowOrigin(open, 'POST', `${sign('q')}/form`, 'https://any.example'), '*');
  assert.equal(await allowOrigin(open, 'POST', sign('p'), 'https://b.example'), 'https://b.example');
  assert.equal(await allowOrigin(open, 'POST', sign('p'), 'https://any.example'), undefined);
  assert.equal(await allowOrigin(listed, 'POST', sign('p'), 'https://a.example'), 'https://a.example');
  assert.equal(await allowOrigin(listed, 'POST', sign('q'), 'https://b.example'), undefined);
  assert.equal(await allowOrigin(listed, 'POST', sign('q'), undefined), undefined);
  assert.equal(await allowOrigin(open, 'POST', sign('%E0%A4%A'), 'https://any.example'), '*', 'an undecodable id is no crash');
  // Never: health checks, unknown API routes, writes elsewhere, GET on the signature route.
  assert.equal(await allowOrigin(open, 'GET', '/api/v1/health', 'https://any.example'), undefined);
  assert.equal(await allowOrigin(open, 'GET', '/api/v1/admin/export', 'https://any.example'), undefined);
  assert.equal(await allowOrigin(open, 'GET', '/api/v1/petitionsx', 'https://any.example'), undefined);
  assert.equal(await allowOrigin(open, 'POST', '/api/v1/cases', 'https://any.example'), undefined);
  assert.equal(await allowOrigin(open, 'GET', sign('q'), 'https://any.example'), undefined);
  assert.deepEqual(corsRoute('post', sign('a%20b')), { kind: 'sign', petitionId: 'a b' });
  // Malformed percent-encoding in the petition segment: no list, not thrown (it was a 500).
  for (const segment of ['%', '%zz', '%E0%A4%A']) {
    assert.deepEqual(corsRoute('POST', sign(segment)), { kind: 'sign', petitionId: '' }, segment);
    assert.equal(await allowOrigin(listed, 'POST', sign(segment), 'https://b.example'), undefined, segment);
  }
});

test('CSV cells: quoted when needed, quotes doubled, formulas defused', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(42), '42');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('=1+1'), "'=1+1");
  assert.equal(csvCell('+33 6'), "'+33 6");
  assert.equal(csvCell('-2'), "'-2");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('\t=1'), "'\t=1");
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvRow(['a', null, 'b,c']), 'a,,"b,c"\r\n');
});

test('safeRedirect: own origin and allowed origins only; errorRedirect adds the error and fields', () => {
  const own = 'https://agir.example';
  const allowed = new Set(['https://section.example']);
  assert.equal(safeRedirect('/merci', own, allowed)?.href, 'https://agir.example/merci');
  assert.equal(safeRedirect('https://section.example/ok?a=1', own, allowed)?.href, 'https://section.example/ok?a=1');
  for (const bad of [
    'https://evil.example/',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'data:text/html,x',
    'https://section.example@evil.example/',
    'https://user:pw@section.example/',
    'http://section.example/',
  ]) {
    assert.equal(safeRedirect(bad, own, allowed), undefined, bad);
  }
  const target = new URL('https://section.example/form?agir_error=old&field=x&keep=1');
  const url = new URL(errorRedirect(target, 'validation', ['person.email', 'person.country']));
  assert.equal(url.searchParams.get('agir_error'), 'validation');
  assert.deepEqual(url.searchParams.getAll('field'), ['person.email', 'person.country']);
  assert.equal(url.searchParams.get('keep'), '1');
});

test('formToRequest: the form fields become a contract SignatureRequest', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const { request, judgeFillTime } = formToRequest(
    {
      givenName: 'Léa',
      familyName: 'Martin',
      email: 'lea@example.org',
      country: 'fr',
      postalCode: '',
      comment: ' ',
      consent_newsletter: 'on',
      consent_newsletter_text: 'Oui',
      consent_newsletter_version: 'v2',
      consent_terms_of_use_text: 'Conditions',
      consent_terms_of_use_version: 'v1',
      trap: '',
    },
    { locale: 'fr', sourceUrl: 'https://section.example/p', now },
  );
  assert.equal(judgeFillTime, false, 'no startedAt: only the honeypot is judged');
  const parsed = signatureRequestSchema.parse(request);
  assert.equal(parsed.person.country, 'FR');
  assert.equal(parsed.person.postalCode, undefined);
  assert.equal(parsed.comment, undefined);
  assert.deepEqual(parsed.consents, [
    { id: 'newsletter', granted: true, text: 'Oui', version: 'v2' },
    { id: 'terms_of_use', granted: false, text: 'Conditions', version: 'v1' },
  ]);
  assert.deepEqual(parsed.client, { startedAt: now.toISOString(), submittedAt: now.toISOString(), trap: '' });
  assert.equal(formToRequest({ startedAt: '2026-11-23T09:59:00Z' }, { locale: 'fr', sourceUrl: 'x', now }).judgeFillTime, true);
  // Without JavaScript too, a phone or postal code typed in Arabic-Indic or full-width digits is read as ASCII digits.
  const native = formToRequest(
    {
      givenName: 'أحمد',
      familyName: 'علي',
      email: 'a@example.org',
      country: 'EG',
      phone: '+٢٠ ١٠٠ ۱۲۳ ٤٥٦٧',
      postalCode: '１１５１１',
      trap: '',
    },
    { locale: 'ar', sourceUrl: 'https://section.example/p', now },
  );
  const person = signatureRequestSchema.parse(native.request).person;
  assert.equal(person.phone, '+20 100 123 4567');
  assert.equal(person.postalCode, '11511');
});

test('negotiateEncoding: br > gzip > identity at equal quality, q values honoured, q=0 refuses', () => {
  assert.equal(negotiateEncoding(undefined), 'identity');
  assert.equal(negotiateEncoding(''), 'identity');
  assert.equal(negotiateEncoding('gzip, deflate, br, zstd'), 'br'); // what Chromium sends
  assert.equal(negotiateEncoding('gzip, deflate'), 'gzip');
  assert.equal(negotiateEncoding('br;q=0, gzip'), 'gzip');
  assert.equal(negotiateEncoding('br;q=0.5, gzip;q=0.8'), 'gzip');
  assert.equal(negotiateEncoding('BR ; Q=1, GZIP'), 'br');
  assert.equal(negotiateEncoding('x-gzip'), 'gzip');
  assert.equal(negotiateEncoding('*'), 'br');
  assert.equal(negotiateEncoding('*;q=0, gzip'), 'gzip');
  assert.equal(negotiateEncoding('br;q=0, gzip;q=0'), 'identity');
  assert.equal(negotiateEncoding('identity'), 'identity');
  assert.equal(negotiateEncoding('deflate'), 'identity');
  assert.equal(negotiateEncoding('gzip;q=abc, br;q=0.1'), 'br', 'a malformed q is no crash');
  assert.equal(compressible('application/json'), true);
  assert.equal(compressible('text/event-stream; charset=utf-8'), false);
  assert.equal(compressible('image/png'), false);
  assert.equal(compressible(null), false);
  assert.equal(varyAcceptEncoding('Origin'), 'Origin, Accept-Encoding');
  assert.equal(varyAcceptEncoding('origin, accept-encoding'), 'origin, accept-encoding');
});

test('etagMatches: weak comparison, lists and *', () => {
  assert.equal(etagMatches('"abc"', '"abc"'), true);
  assert.equal(etagMatches('W/"abc"', '"abc"'), true);
  assert.equal(etagMatches('"x", "abc"', '"abc"'), true);
  assert.equal(etagMatches('*', '"abc"'), true);
  assert.equal(etagMatches('"abd"', '"abc"'), false);
  assert.equal(etagMatches(undefined, '"abc"'), false);
});

test('migrations: applied once, in order, recorded; an edited applied migration is refused', async () => {
  const dir = tempDir('agir-migrations-');
  const folder = path.join(dir, 'migrations');
  mkdirSync(folder);
  writeFileSync(path.join(folder, '001_first.sql'), 'CREATE TABLE first (id int);');
  writeFileSync(path.join(folder, '002_second.sql'), 'CREATE TABLE second (id int); INSERT INTO second VALUES (1);');
  writeFileSync(path.join(folder, 'README.md'), 'not a migration');
  const db = await openDatabase({ dataDir: path.join(dir, 'db') });
  try {
    assert.deepEqual(await migrate(db, readMigrations(folder)), ['001_first', '002_second']);
    assert.deepEqual(await migrate(db, readMigrations(folder)), []);
    const versions = await db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(
      versions.map((row) => row.version),
      ['001_first', '002_second'],
    );
    writeFileSync(path.join(folder, '002_second.sql'), 'CREATE TABLE second (id bigint);');
    await assert.rejects(migrate(db, readMigrations(folder)), /002_second was changed after it was applied/);
    writeFileSync(path.join(folder, '003_bad.sql'), 'CREATE TABLE third (id int); SELECT nope FROM nowhere;');
    writeFileSync(path.join(folder, '002_second.sql'), 'CREATE TABLE second (id int); INSERT INTO second VALUES (1);');
    await assert.rejects(migrate(db, readMigrations(folder)));
    assert.deepEqual(
      await db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'third'"),
      [],
      'a failed migration leaves nothing behind',
    );
    await assert.rejects(openDatabase({ dataDir: path.join(dir, 'db') }), /in use by process/, 'one PGlite user of a folder at a time');
  } finally {
    await db.close();
  }
});

describe('sealing personal data', () => {
  const key = Buffer.alloc(32, 7);
  const context = 'agir/v1/signatures/p1/3f1c2a4e-9b7d-4c1e-8a2f-5d6e7f8a9b0c/email';

  test('AES-256-GCM with a random IV: two seals of one value differ, and each opens to it', () => {
    const a = seal(key, 'ada@example.org', context);
    const b = seal(key, 'ada@example.org', context);
    assert.notDeepEqual(a, b);
    assert.equal(a.length, 1 + 12 + Buffer.byteLength('ada@example.org') + 16, 'format byte, 96-bit IV, text, 128-bit tag');
    assert.equal(unseal(key, a, context), 'ada@example.org');
    assert.equal(unseal(key, b, context), 'ada@example.org');
  });

  test('a value moved to another row or field, altered, or opened with another key does not open', () => {
    const sealed = seal(key, 'Ada', context);
    assert.throws(() => unseal(key, sealed, context.replace('/email', '/given_name')));
    assert.throws(() => unseal(key, sealed, context.replace('p1', 'p2')));
    const altered = Buffer.from(sealed);
    altered[20]! ^= 1;
    assert.throws(() => unseal(key, altered, context));
    assert.throws(() => unseal(Buffer.alloc(32, 8), sealed, context));
    assert.throws(() => unseal(key, sealed.subarray(0, 20), context), /not a sealed value/);
  });

  test('the data key: a blind index of the normalised email, person keys wrapped to their person, a check value', () => {
    const dataKey = DataKey.fromBase64(Buffer.alloc(32, 1).toString('base64'), 'AGIR_DATA_KEY');
    const other = DataKey.fromBase64(Buffer.alloc(32, 2).toString('base64'), 'AGIR_DATA_KEY');
    assert.deepEqual(dataKey.emailIndex(' Ada@Example.ORG '), dataKey.emailIndex('ada@example.org'));
    assert.notDeepEqual(dataKey.emailIndex('ada@example.org'), other.emailIndex('ada@example.org'), 'keyed: another key, another index');
    assert.notDeepEqual(dataKey.emailIndex('ada@example.org'), dataKey.emailIndex('bob@example.org'));
    const index = dataKey.emailIndex('ada@example.org');
    const wrapped = dataKey.wrap(index, key);
    assert.deepEqual(dataKey.unwrap(index, wrapped), key);
    assert.throws(() => dataKey.unwrap(dataKey.emailIndex('bob@example.org'), wrapped), 'bound to its person');
    assert.throws(() => other.unwrap(index, wrapped), 'and to the data key');
    assert.ok(dataKey.matches(dataKey.checkValue()));
    assert.ok(!other.matches(dataKey.checkValue()));
    assert.throws(
      () => DataKey.fromBase64('c2hvcnQ=', 'AGIR_DATA_KEY'),
      /AGIR_DATA_KEY must hold 32 random bytes in base64 .* got 5 bytes/,
    );
    assert.throws(() => DataKey.fromBase64('not base64!', 'AGIR_DATA_KEY'), /got 0 bytes/);
  });
});
