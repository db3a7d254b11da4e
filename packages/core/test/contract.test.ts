import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  caseListSchema,
  caseSchema,
  countEventSchema,
  errorBodySchema,
  fieldErrors,
  petitionSchema,
  signatureRequestSchema,
  signatureResponseSchema,
} from '../src/contract.js';

// The examples of CONTRACT.md, with its "…" placeholders filled in.
const petition = {
  id: 'xinjiang',
  title: 'Liberté pour les détenus des camps d’internement du Xinjiang',
  status: 'open',
  signatureCount: 323832,
  countryCount: 184,
  goal: 500000,
  updatedAt: '2026-11-01T10:00:00Z',
  locale: 'fr',
};
const signature = {
  idempotencyKey: '3f2b8c1e-9a4d-4c2b-8f1e-2a3b4c5d6e7f',
  person: {
    givenName: 'Amina',
    familyName: 'Diallo',
    email: 'amina@example.org',
    country: 'FR',
    postalCode: '75011',
    phone: '+33 6 12 34 56 78',
  },
  consents: [{ id: 'newsletter', granted: true, text: 'Je souhaite recevoir les actualités.', version: '2026-11' }],
  comment: 'Libérez-les.',
  locale: 'fr',
  source: {
    url: 'https://www.example.org/xinjiang',
    referrer: 'https://news.example/',
    utm: { utm_source: 'newsletter' },
    embed: 'partner-1',
  },
  client: { startedAt: '2026-11-01T10:00:00Z', submittedAt: '2026-11-01T10:00:42Z', trap: '' },
};
const akber = {
  id: 'akber',
  name: 'Akber',
  isGroup: false,
  photo: { src: 'https://cdn.example.org/akber.jpg', alt: 'Portrait d’Akber', credit: '© Famille', width: 800, height: 600 },
  country: 'CN',
  region: 'Xinjiang',
  category: ['arbitrary-detention'],
  status: { kind: 'detained', since: '2018' },
  summary: 'Akber fait partie de ces milliers de personnes détenues dans la région autonome ouïghoure du Xinjiang.',
  story: ['Premier paragraphe.', 'Deuxième paragraphe.'],
  quote: { text: 'Libérez mon frère.', author: 'Sa sœur' },
  action: { label: 'Agir', url: 'https://www.example.org/agir/akber' },
  updatedAt: '2026-11-01T10:00:00Z',
  locale: 'fr',
};

function pathsOf(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }): string[] {
  assert.equal(result.success, false, 'expected the payload to be rejected');
  return Object.keys(fieldErrors(result.error!.issues));
}

describe('contract examples are accepted', () => {
  test('petition', () => assert.equal(petitionSchema.safeParse(petition).success, true));
  test('petition without goal (null)', () => assert.equal(petitionSchema.safeParse({ ...petition, goal: null }).success, true));
  test('count event', () => assert.equal(countEventSchema.safeParse({ signatureCount: 1, countryCount: 1 }).success, true));
  test('signature request', () => assert.equal(signatureRequestSchema.safeParse(signature).success, true));
  test('signature request, optional fields absent', () => {
    const { comment: _c, ...rest } = signature;
    const minimal = {
      ...rest,
      person: { givenName: 'A', familyName: 'B', email: 'a@b.org', country: 'DE' },
      consents: [],
      source: { url: 'https://x.example/' },
    };
    assert.equal(signatureRequestSchema.safeParse(minimal).success, true);
  });
  test('signature responses', () => {
    assert.equal(signatureResponseSchema.safeParse({ signatureCount: 323833, duplicate: false }).success, true);
    assert.equal(signatureResponseSchema.safeParse({ signatureCount: 323833, duplicate: true }).success, true);
  });
  test('case with a link action and with a petition action', () => {
    assert.equal(caseSchema.safeParse(akber).success, true);
    assert.equal(caseSchema.safeParse({ ...akber, action: { label: 'Signer', petition: 'xinjiang' } }).success, true);
  });
  test('case list', () =>
    assert.equal(caseListSchema.safeParse({ items: [akber, { ...akber, id: 'mamat', name: 'Mamat' }] }).success, true));
  test('error body', () => {
    assert.equal(
      errorBodySchema.safeParse({ error: { code: 'validation', message: 'Invalid', fields: { 'person.email': 'invalid' } } }).success,
      true,
    );
  });
  test('text keeps other controls, emoji, private use and astral characters', () => {
    const person = { ...signature.person, givenName: 'Ay\u015Fe \uD83D\uDE00', familyName: '\uE000\uD83F\uDFFD' };
    assert.equal(signatureRequestSchema.safeParse({ ...signature, person, comment: 'tab\there\nline \u0001' }).success, true);
  });
  test('signature person fields are trimmed', () => {
    const parsed = signatureRequestSchema.parse({ ...signature, person: { ...signature.person, email: '  amina@example.org ' } });
    assert.equal(parsed.person.email, 'amina@example.org');
  });
});

describe('malformed payloads are rejected with the path named', () => {
  const cases: Array<[string, () => { success: boolean }, string]> = [
    ['negative count', () => petitionSchema.safeParse({ ...petition, signatureCount: -1 }), 'signatureCount'],
    ['count as a string', () => petitionSchema.safeParse({ ...petition, signatureCount: '323832' }), 'signatureCount'],
    ['fractional count', () => petitionSchema.safeParse({ ...petition, countryCount: 1.5 }), 'countryCount'],
    ['count above MAX_SAFE_INTEGER', () => petitionSchema.safeParse({ ...petition, signatureCount: 2 ** 60 }), 'signatureCount'],
    ['missing count', () => petitionSchema.safeParse({ ...petition, signatureCount: undefined }), 'signatureCount'],
    ['unknown status', () => petitionSchema.safeParse({ ...petition, status: 'paused' }), 'status'],
    ['goal of zero', () => petitionSchema.safeParse({ ...petition, goal: 0 }), 'goal'],
    ['bad date', () => petitionSchema.safeParse({ ...petition, updatedAt: 'yesterday' }), 'updatedAt'],
    ['id with a slash', () => petitionSchema.safeParse({ ...petition, id: '../admin' }), 'id'],
    [
      'invalid email',
      () => signatureRequestSchema.safeParse({ ...signature, person: { ...signature.person, email: 'not-an-email' } }),
      'person.email',
    ],
    [
      'empty given name',
      () => signatureRequestSchema.safeParse({ ...signature, person: { ...signature.person, givenName: '   ' } }),
      'person.givenName',
    ],
    [
      'lower-case country',
      () => signatureRequestSchema.safeParse({ ...signature, person: { ...signature.person, country: 'fr' } }),
      'person.country',
    ],
    ['bad idempotency key', () => signatureRequestSchema.safeParse({ ...signature, idempotencyKey: '123' }), 'idempotencyKey'],
    [
      'NUL in a given name',
      () => signatureRequestSchema.safeParse({ ...signature, person: { ...signature.person, givenName: 'A\u0000da' } }),
      'person.givenName',
    ],
    ['NUL in a comment', () => signatureRequestSchema.safeParse({ ...signature, comment: 'Libérez-les\u0000' }), 'comment'],
    ['lone surrogate in a comment', () => signatureRequestSchema.safeParse({ ...signature, comment: 'x\uD800y' }), 'comment'],
    ['non-character U+FFFE in a comment', () => signatureRequestSchema.safeParse({ ...signature, comment: 'x\uFFFE' }), 'comment'],
    [
      'supplementary non-character U+10FFFF in a family name',
      () => signatureRequestSchema.safeParse({ ...signature, person: { ...signature.person, familyName: 'L\uDBFF\uDFFF' } }),
      'person.familyName',
    ],
    [
      'NUL in a consent text',
      () => signatureRequestSchema.safeParse({ ...signature, consents: [{ ...signature.consents[0], text: 'Oui\u0000' }] }),
      'consents.0.text',
    ],
    [
      'NUL in the source URL',
      () => signatureRequestSchema.safeParse({ ...signature, source: { url: 'https://x.example/\u0000' } }),
      'source.url',
    ],
    ['NUL in a case name', () => caseSchema.safeParse({ ...akber, name: 'Akber\u0000' }), 'name'],
    [
      'consent without text',
      () => signatureRequestSchema.safeParse({ ...signature, consents: [{ id: 'newsletter', granted: true, text: '', version: '1' }] }),
      'consents.0.text',
    ],
    [
      'consent granted as a string',
      () => signatureRequestSchema.safeParse({ ...signature, consents: [{ ...signature.consents[0], granted: 'yes' }] }),
      'consents.0.granted',
    ],
    [
      'phone with letters',
      () => signatureRequestSchema.safeParse({ ...signature, person: { ...signature.person, phone: 'call me' } }),
      'person.phone',
    ],
    ['missing client', () => signatureRequestSchema.safeParse({ ...signature, client: undefined }), 'client'],
    ['javascript: photo URL', () => caseSchema.safeParse({ ...akber, photo: { ...akber.photo, src: 'javascript:alert(1)' } }), 'photo.src'],
    [
      'javascript: action URL',
      () => caseSchema.safeParse({ ...akber, action: { label: 'Agir', url: 'javascript:alert(1)' } }),
      'action.url',
    ],
    ['unknown status kind', () => caseSchema.safeParse({ ...akber, status: { kind: 'on-holiday' } }), 'status.kind'],
    ['story not an array', () => caseSchema.safeParse({ ...akber, story: 'one long string' }), 'story'],
    ['list without items', () => caseListSchema.safeParse({ cases: [] }), 'items'],
    ['error with an unknown code', () => errorBodySchema.safeParse({ error: { code: 'teapot', message: 'x' } }), 'error.code'],
  ];
  for (const [name, parse, path] of cases) {
    test(name, () => {
      const paths = pathsOf(parse() as never);
      assert.ok(paths.includes(path), `expected "${path}" among ${JSON.stringify(paths)}`);
    });
  }
  test('fieldErrors names the root when the payload is not an object', () => {
    assert.deepEqual(pathsOf(petitionSchema.safeParse('nope') as never), ['(root)']);
  });
});
