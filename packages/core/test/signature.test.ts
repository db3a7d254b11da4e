import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildSignatureRequest,
  newIdempotencyKey,
  prefillValues,
  signatureSource,
  signerSource,
  sourcePageUrl,
  trackingParameters,
} from '../src/signature.js';
import { signatureRequestSchema, sourceSchema } from '../src/contract.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('signature: attribution', () => {
  test('trackingParameters keeps utm_* and mtm_* (keys lower-cased, values trimmed), nothing else', () => {
    assert.deepEqual(
      trackingParameters('?utm_source=newsletter&UTM_Medium=%20email%20&mtm_campaign=xinjiang&ref=abc&utm_=x&utm_term1=y&utm_content='),
      {
        utm_source: 'newsletter',
        utm_medium: 'email',
        mtm_campaign: 'xinjiang',
      },
    );
    assert.equal(trackingParameters(''), undefined);
    assert.equal(trackingParameters('?given_name=Ada'), undefined);
  });

  test('trackingParameters clips values to 200 characters, keeps the first of repeated keys, and at most 20 keys', () => {
    const params = new URLSearchParams();
    params.append('utm_source', 'a'.repeat(300));
    params.append('utm_source', 'second');
    for (let i = 0; i < 30; i++) params.append(`utm_k${String.fromCharCode(97 + (i % 26))}${i >= 26 ? 'x' : ''}`, String(i));
    const found = trackingParameters(params)!;
    assert.equal(found.utm_source!.length, 200);
    assert.equal(Object.keys(found).length, 20);
    assert.ok(sourceSchema.safeParse({ url: 'https://x.example/', utm: found }).success);
  });

  test('prefillValues reads the documented parameters, trims them and upper-cases the country', () => {
    assert.deepEqual(
      prefillValues(
        '?given_name=%20Ada%20&family_name=Lovelace&email=ada@example.org&country=gb&postal_code=N1%209GU&phone=%2B44&other=1&comment=hi',
      ),
      {
        givenName: 'Ada',
        familyName: 'Lovelace',
        email: 'ada@example.org',
        country: 'GB',
        postalCode: 'N1 9GU',
        phone: '+44',
      },
    );
    assert.deepEqual(prefillValues(new URLSearchParams('email=')), {});
  });

  test('sourcePageUrl keeps the origin, the path and the tracking parameters only', () => {
    assert.equal(
      sourcePageUrl(
        'https://user:pw@campaign.example/xinjiang/sign?email=ada%40example.org&given_name=Ada&token=s3cr3t&UTM_Source=%20mail%20&mtm_campaign=x&phone=%2B33#form',
      ),
      'https://campaign.example/xinjiang/sign?utm_source=mail&mtm_campaign=x',
    );
    assert.equal(sourcePageUrl('https://campaign.example/?x=1&family_name=L'), 'https://campaign.example/');
    assert.equal(sourcePageUrl('about:blank'), 'about:blank');
    assert.equal(sourcePageUrl('not a url'), 'not a url');
  });

  test('a tracking value or a path holding an email address is dropped, however it is encoded', () => {
    assert.deepEqual(
      trackingParameters(
        '?utm_content=gulnar.tursun%40example.org&utm_term=gulnar.tursun%252540example.org&utm_source=mail&utm_medium=a%40',
      ),
      { utm_source: 'mail' },
    );
    assert.equal(
      sourcePageUrl('https://site.example/thanks/gulnar.tursun%40example.org?utm_source=mail&utm_content=x@y.example'),
      'https://site.example/?utm_source=mail',
    );
    assert.equal(sourcePageUrl('not a url with x@y.example'), '');
  });

  test("signerSource drops what holds a word of the signer's own names or address, and every other key", () => {
    const person = { givenName: 'Gulnar Ayşe', familyName: 'Tursun', email: 'g.t-1990@example.org' };
    const source = signerSource(
      {
        url: 'https://site.example/p/tursun?email=gulnar.tursun%40example.org&given_name=Gulnar&utm_term=Ay%C5%9Fe&utm_source=mail',
        referrer: 'https://news.example/',
        utm: {
          utm_term: 'GULNAR',
          utm_content: 'gulnar.tursun@example.org',
          utm_campaign: 'to g.t',
          utm_medium: 'email',
          source: 'x',
          mtm_kwd: 'water',
        },
        embed: 'partner-1',
      },
      person,
    );
    assert.deepEqual(source, {
      url: 'https://site.example/?utm_source=mail',
      referrer: 'https://news.example/',
      utm: { utm_medium: 'email', mtm_kwd: 'water' },
      embed: 'partner-1',
    });
    assert.deepEqual(signerSource({ url: 'https://site.example/', utm: { utm_term: 'gulnar' } }, person), { url: 'https://site.example/' });
    // What the form builds goes through it: the element sends what the server keeps.
    const request = buildSignatureRequest({
      person: { ...person, country: 'fr' },
      locale: 'fr',
      source: signatureSource('https://site.example/?utm_term=Tursun&utm_source=mail'),
      startedAt: 0,
    });
    assert.deepEqual(request.source, { url: 'https://site.example/?utm_source=mail', utm: { utm_source: 'mail' } });
  });

  test('signatureSource strips the fragment and prefill parameters (personal data) but keeps tracking', () => {
    const source = signatureSource(
      'https://campaign.example/xinjiang?utm_source=mail&email=ada%40example.org&given_name=Ada&x=1#sign',
      'https://news.example/',
      'partner-1',
    );
    assert.deepEqual(source, {
      url: 'https://campaign.example/xinjiang?utm_source=mail',
      referrer: 'https://news.example/',
      utm: { utm_source: 'mail' },
      embed: 'partner-1',
    });
    assert.ok(sourceSchema.safeParse(source).success);
  });

  test('the referrer keeps its origin, path and tracking parameters only: a forum thread’s user, a profile, the signer’s name go', () => {
    assert.deepEqual(signatureSource('https://campaign.example/', 'https://forum.example/thread?id=4711&user=amina_k#p3'), {
      url: 'https://campaign.example/',
      referrer: 'https://forum.example/thread',
    });
    assert.equal(signatureSource('https://campaign.example/', 'https://social.example/@amina_k/1234').referrer, 'https://social.example/');
    const person = { givenName: 'Amina', familyName: 'Kader', email: 'a.kader@example.org' };
    assert.deepEqual(
      signerSource({ url: 'https://campaign.example/', referrer: 'https://blog.example/amina-kader-signed?utm_source=blog&ref=x' }, person),
      { url: 'https://campaign.example/', referrer: 'https://blog.example/?utm_source=blog' },
    );
    // A referrer that says nothing once cleaned is left out, not sent empty.
    assert.deepEqual(signerSource({ url: 'https://campaign.example/', referrer: 'from amina@example.org' }, person), {
      url: 'https://campaign.example/',
    });
  });

  test('signatureSource leaves out an empty referrer, an invalid embed id, and passes a non-URL through', () => {
    assert.deepEqual(signatureSource('https://campaign.example/', '', 'not a valid id!'), { url: 'https://campaign.example/' });
    assert.deepEqual(signatureSource('about:blank'), { url: 'about:blank' });
    assert.deepEqual(signatureSource('not a url'), { url: 'not a url' });
    const long = signatureSource(`https://campaign.example/${'a'.repeat(3000)}`, `https://r.example/${'b'.repeat(3000)}`);
    assert.equal(long.url.length, 2048);
    assert.equal(long.referrer!.length, 2048);
  });
});

describe('signature: idempotency key', () => {
  test('uses crypto.randomUUID when present', () => {
    assert.match(newIdempotencyKey(), UUID_V4);
    assert.equal(
      newIdempotencyKey({ randomUUID: () => 'from-random-uuid', getRandomValues: (a: Uint8Array) => a } as unknown as Crypto),
      'from-random-uuid',
    );
  });

  test('falls back to getRandomValues (insecure contexts have no randomUUID) and still makes a v4 UUID', () => {
    const fill = (value: number) => ({
      getRandomValues: <T extends ArrayBufferView | null>(array: T) => (
        new Uint8Array((array as unknown as Uint8Array).buffer).fill(value),
        array
      ),
    });
    const zeros = newIdempotencyKey(fill(0));
    const ones = newIdempotencyKey(fill(255));
    assert.equal(zeros, '00000000-0000-4000-8000-000000000000');
    assert.equal(ones, 'ffffffff-ffff-4fff-bfff-ffffffffffff');
    assert.match(newIdempotencyKey({ getRandomValues: (a) => globalThis.crypto.getRandomValues(a) }), UUID_V4);
  });
});

describe('signature: buildSignatureRequest', () => {
  const base = {
    locale: 'fr',
    source: { url: 'https://campaign.example/' },
    startedAt: Date.UTC(2026, 10, 1, 10, 0, 0),
    submittedAt: new Date(Date.UTC(2026, 10, 1, 10, 0, 42)),
  };

  test('builds a request the contract accepts: trimmed values, blank optional fields left out, ISO times', () => {
    const consent = { id: 'newsletter', granted: false, text: 'Keep me informed', version: '2026-11' };
    const request = buildSignatureRequest({
      ...base,
      person: { givenName: ' Ada ', familyName: 'Lovelace', email: ' ada@example.org', country: 'gb', postalCode: '  ', phone: null },
      consents: [consent],
      comment: '  Free them  ',
      trap: '',
      idempotencyKey: '3f2b8c1e-9a4d-4c2b-8f1e-2a3b4c5d6e7f',
    });
    assert.deepEqual(request, {
      idempotencyKey: '3f2b8c1e-9a4d-4c2b-8f1e-2a3b4c5d6e7f',
      person: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', country: 'GB' },
      consents: [consent],
      comment: 'Free them',
      locale: 'fr',
      source: { url: 'https://campaign.example/' },
      client: { startedAt: '2026-11-01T10:00:00.000Z', submittedAt: '2026-11-01T10:00:42.000Z', trap: '' },
    });
    assert.ok(signatureRequestSchema.safeParse(request).success);
  });

  test('a phone or postal code in Arabic-Indic, Persian or full-width digits is sent in ASCII digits; names are left as typed', () => {
    const request = buildSignatureRequest({
      ...base,
      person: {
        givenName: '٢ أحمد',
        familyName: 'Ｌｉ',
        email: 'a@example.org',
        country: 'EG',
        phone: '+٢٠ ١٠٠ ۱۲۳ ٤٥٦٧',
        postalCode: '１１５１１',
      },
    });
    assert.equal(request.person.phone, '+20 100 123 4567');
    assert.equal(request.person.postalCode, '11511');
    assert.equal(request.person.givenName, '٢ أحمد');
    assert.equal(request.person.familyName, 'Ｌｉ');
    assert.ok(signatureRequestSchema.safeParse({ ...request, person: { ...request.person, givenName: 'Ahmed' } }).success);
  });

  test('missing required fields become empty strings (the schema reports them); a new key each time; trap clipped', () => {
    const first = buildSignatureRequest({ ...base, person: {}, trap: 'x'.repeat(600), comment: ' ' });
    const second = buildSignatureRequest({ ...base, person: {} });
    assert.deepEqual(first.person, { givenName: '', familyName: '', email: '', country: '' });
    assert.equal(first.comment, undefined);
    assert.deepEqual(first.consents, []);
    assert.equal(first.client.trap.length, 500);
    assert.equal(second.client.trap, '');
    assert.match(first.idempotencyKey, UUID_V4);
    assert.notEqual(first.idempotencyKey, second.idempotencyKey);
    assert.equal(signatureRequestSchema.safeParse(first).success, false);
    const now = buildSignatureRequest({ ...base, submittedAt: undefined, person: {} });
    assert.ok(Math.abs(Date.parse(now.client.submittedAt) - Date.now()) < 5000);
  });
});
