// The zod-free readers give exactly the zod schemas' verdicts (and data) on the contract's examples, on
// malformed payloads, and on thousands of generated mutations of valid payloads.
import { describe, test } from 'node:test';
import * as z from 'zod/mini';
import assert from 'node:assert/strict';
import {
  caseListSchema,
  caseSchema,
  countEventSchema,
  petitionCountEventSchema,
  errorBodySchema,
  healthSchema,
  petitionSchema,
  signatureResponseSchema,
  signatureRequestSchema,
  personSchema,
} from '../src/contract.js';
import { readSignatureRequest } from '../src/read-signature.js';
import { readPersonValue } from '../src/read/person.js';
import { reader } from '../src/read/base.js';
import {
  readCase,
  readCaseList,
  readCountEvent,
  readErrorBody,
  readHealth,
  readPetition,
  readPetitionCountEvent,
  readPetitionFigures,
  readSignatureResponse,
  isValidPersonField,
} from '../src/read.js';

const petition = {
  id: 'xinjiang',
  title: 'Xinjiang',
  status: 'open',
  signatureCount: 323832,
  countryCount: 184,
  goal: 500000,
  updatedAt: '2026-11-01T10:00:00Z',
  locale: 'fr',
};
const fullCase = {
  id: 'akber',
  name: 'Akber',
  fullName: 'Akber X',
  isGroup: false,
  photo: { src: 'https://cdn.example.org/akber.jpg', alt: 'Portrait', credit: '© Famille', width: 800, height: 600 },
  country: 'CN',
  region: 'Xinjiang',
  category: ['arbitrary-detention'],
  status: { kind: 'detained', label: 'Interné', since: '2018-03' },
  summary: 'Résumé.',
  story: ['Un.', 'Deux.'],
  quote: { text: 'Citation', author: 'Sœur' },
  action: { label: 'Agir', url: 'https://example.org/agir' },
  tags: ['xinjiang'],
  updatedAt: '2026-11-01T10:00:00.123+02:00',
  locale: 'fr-FR',
};
const minimalCase = {
  id: 'mamat',
  name: 'Mamat',
  isGroup: false,
  country: 'CN',
  category: [],
  status: { kind: 'detained' },
  summary: '',
  updatedAt: '2026-11-01T10:00:00Z',
  locale: 'fr',
};
const signature = {
  idempotencyKey: '3f1c2a4e-9b7d-4c1e-8a2f-5d6e7f8a9b0c',
  person: {
    givenName: ' Ada ',
    familyName: 'Lovelace',
    email: 'ada@example.org',
    country: 'GB',
    postalCode: 'N1 9GU',
    phone: '+44 20 7946 0958',
  },
  consents: [{ id: 'newsletter', granted: false, text: ' Je souhaite recevoir les actualités. ', version: '2026-11' }],
  comment: 'Libérez-les.',
  locale: 'fr-FR',
  source: {
    url: 'https://example.org/xinjiang?utm_source=mail',
    referrer: 'https://t.co/x',
    utm: { utm_source: 'mail', mtm_campaign: 'x' },
    embed: 'partner-1',
  },
  client: { startedAt: '2026-11-01T10:00:00.000Z', submittedAt: '2026-11-01T10:01:00.000Z', trap: '' },
  extra: 'dropped',
};
const minimalSignature = {
  idempotencyKey: '3F1C2A4E-9B7D-1C1E-BA2F-5D6E7F8A9B0C',
  person: { givenName: 'Ada', familyName: 'L', email: 'a@b.co', country: 'FR' },
  consents: [],
  locale: 'ar',
  source: { url: '' },
  client: { startedAt: '2026-11-01T10:00:00Z', submittedAt: '2026-11-01T10:00:00+02:00', trap: 'x' },
};
const errorBody = { error: { code: 'validation', message: 'Invalid', fields: { 'person.email': 'invalid' } } };

const pairs = [
  { name: 'petition', schema: petitionSchema, read: readPetition, valid: [petition, { ...petition, goal: null, status: 'closed' }] },
  {
    name: 'petition figures',
    schema: z.pick(petitionSchema, { signatureCount: true, countryCount: true, goal: true, status: true }),
    read: readPetitionFigures,
    valid: [petition, { signatureCount: 0, countryCount: 0, goal: null, status: 'closed' }],
  },
  {
    name: 'count event',
    schema: countEventSchema,
    read: readCountEvent,
    valid: [
      { signatureCount: 0, countryCount: 0 },
      { signatureCount: 5, countryCount: 2, goal: 1000 },
      { signatureCount: 5, countryCount: 2, goal: null },
    ],
  },
  {
    name: 'count event of several petitions',
    schema: petitionCountEventSchema,
    read: readPetitionCountEvent,
    valid: [
      { petition: 'xinjiang', signatureCount: 0, countryCount: 0 },
      { petition: 'a-b_1', signatureCount: 5, countryCount: 2, goal: 1 },
    ],
  },
  {
    name: 'case',
    schema: caseSchema,
    read: readCase,
    valid: [fullCase, minimalCase, { ...minimalCase, action: { label: ' Signer ', petition: 'xinjiang' } }],
  },
  { name: 'case list', schema: caseListSchema, read: readCaseList, valid: [{ items: [fullCase, minimalCase] }, { items: [] }] },
  {
    name: 'signature response',
    schema: signatureResponseSchema,
    read: readSignatureResponse,
    valid: [{ signatureCount: 1, duplicate: true }],
  },
  { name: 'error body', schema: errorBodySchema, read: readErrorBody, valid: [errorBody, { error: { code: 'internal', message: '' } }] },
  { name: 'health', schema: healthSchema, read: readHealth, valid: [{ ok: true }] },
  { name: 'signature request', schema: signatureRequestSchema, read: readSignatureRequest, valid: [signature, minimalSignature] },
  {
    name: 'person (the form checks each field with these readers)',
    schema: personSchema,
    read: reader(readPersonValue),
    valid: [
      {
        givenName: ' Ada ',
        familyName: 'Lovelace',
        email: ' ada@example.org ',
        country: 'GB',
        postalCode: ' N1 9GU ',
        phone: '+44 20 7946 0958',
      },
      { givenName: 'Mehmet', familyName: 'Tohti', email: 'm.tohti+petition@mail.example.co.uk', country: 'NO' },
    ],
  },
] as const;

// Values a mutation may put anywhere: types, bounds, formats, hostile strings.
const nasty: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -1,
  1,
  1.5,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  ' ',
  '  x  ',
  'x',
  'FR',
  'fr',
  'cn',
  '323832',
  'open',
  'closed',
  'detained',
  'on-holiday',
  'validation',
  'teapot',
  'xinjiang',
  '../admin',
  'a'.repeat(65),
  'a'.repeat(2001),
  'b'.repeat(5001),
  '2026-11-01T10:00:00Z',
  '2026-11-01T10:00Z',
  '2026-11-01T10:00:00+0200',
  '2026-11-01T10:00:00+02',
  '2026-11-01t10:00:00z',
  '2026-11-01T24:00:00Z',
  '2026-11-01T10:00:00.Z',
  '2026-11-01T10:00:60Z',
  '2026-11-01 10:00:00Z',
  '2026-11-01T10:00:00.123456789-05:30',
  '1900-02-29T00:00:00Z',
  '2000-02-29T00:00:00Z',
  '2026-11-01T10:00:00',
  '2026-02-30T10:00:00Z',
  '2024-02-29T00:00:00Z',
  '2026-11-01',
  '2018',
  '2018-13',
  'https://example.org/x',
  'http://example.org',
  'javascript:alert(1)',
  'data:text/html,<b>',
  '//evil.example',
  'ftp://x.example',
  '<img src=x onerror=alert(1)>',
  'pt-BR',
  'zh-Hant-TW',
  'x-',
  [],
  [1],
  ['a'],
  ['arbitrary-detention'],
  {},
  { label: 'Agir', url: 'https://x.example' },
  { label: 'Agir', petition: 'p1' },
  { label: '', url: 'https://x.example' },
  { label: 'Agir', url: 'javascript:x', petition: 'p1' },
  { kind: 'released' },
  { text: 'q', author: 'a' },
  { src: 'https://x.example/a.png', alt: '', width: 1, height: 1 },
  { 'person.email': 'invalid' },
  { x: 5 },
  // Signature requests: emails, keys, consents, tracking parameters.
  'ada@example.org',
  'ada@example',
  'ada @example.org',
  'a'.repeat(250) + '@x.org',
  '3f1c2a4e-9b7d-4c1e-8a2f-5d6e7f8a9b0c',
  '3f1c2a4e-9b7d-9c1e-8a2f-5d6e7f8a9b0c',
  '3f1c2a4e9b7d4c1e8a2f5d6e7f8a9b0c',
  '+33 6 12 34 56 78',
  '06 12',
  'N1 9GU',
  'N1_9GU',
  { id: 'newsletter', granted: true, text: 'Oui', version: '1' },
  { id: 'newsletter', granted: 'yes', text: 'Oui', version: '1' },
  { id: 'newsletter', granted: true, text: '   ', version: '1' },
  [{ id: 'n', granted: false, text: 't', version: 'v' }],
  Array.from({ length: 10 }, () => ({ id: 'n', granted: false, text: 't', version: 'v' })),
  Array.from({ length: 11 }, () => ({ id: 'n', granted: false, text: 't', version: 'v' })),
  { ref: 'x' },
  { utm_source: 'mail' },
  { UTM_SOURCE: 'mail' },
  { utm_source: 5 },
  { 'utm-source': 'x' },
  { givenName: 'A', familyName: 'B', email: 'a@b.co', country: 'FR' },
  { givenName: 'A', familyName: 'B', email: 'a@b.co', country: 'fr' },
  // Text PostgreSQL cannot store or no reader can show: U+0000, non-characters, lone surrogates.
  'A\u0000da',
  '\u0000',
  ' x\u0000 ',
  'ada@example.org\u0000',
  'https://example.org/\u0000',
  'x\uFFFE',
  'x\uFFFF',
  'x\uFDD0y',
  'x\uD83F\uDFFE',
  'x\uDBFF\uDFFF',
  'x\uD800',
  '\uDC00x',
  'x\uDBFF',
  // Text that stays allowed: other controls, astral characters, private use.
  'x\u0001\t\n',
  'Ay\u015Fe \uD83D\uDE00',
  '\uD83F\uDFFD',
  '\uE000\uFDCF\uFDF0',
  { 'person.email\u0000': 'invalid' },
];

/** Deterministic pseudo-random numbers (the run is reproducible). */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function paths(value: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => paths(child, [...prefix, key]))];
}

function setAt(root: unknown, path: PropertyKey[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy: Record<PropertyKey, unknown> | unknown[] = Array.isArray(root) ? [...root] : { ...(root as object) };
  const [head, ...rest] = path;
  (copy as Record<PropertyKey, unknown>)[head!] = setAt((root as Record<PropertyKey, unknown>)[head!], rest, replacement);
  if (replacement === undefined && rest.length === 0 && !Array.isArray(copy)) delete (copy as Record<PropertyKey, unknown>)[head!];
  return copy;
}

function sameVerdict(
  name: string,
  schema: { safeParse(v: unknown): { success: boolean; data?: unknown } },
  read: (v: unknown) => { success: boolean; data?: unknown },
  payload: unknown,
): void {
  const expected = schema.safeParse(payload);
  const actual = read(payload);
  assert.equal(
    actual.success,
    expected.success,
    `${name}: reader says ${actual.success}, zod says ${expected.success} for ${JSON.stringify(payload)}`,
  );
  if (expected.success) assert.deepEqual(actual.data, expected.data, `${name}: same data for ${JSON.stringify(payload)}`);
}

describe('zod-free readers agree with the contract schemas', () => {
  for (const { name, schema, read, valid } of pairs) {
    test(`${name}: valid examples`, () => {
      for (const payload of valid) {
        assert.equal(read(payload).success, true, JSON.stringify(read(payload)));
        sameVerdict(name, schema, read, payload);
      }
    });
    test(`${name}: every field replaced by every nasty value`, () => {
      for (const payload of valid) {
        for (const path of paths(payload)) for (const value of nasty) sameVerdict(name, schema, read, setAt(payload, path, value));
      }
    });
    test(`${name}: 2,000 random multi-field mutations`, () => {
      const random = prng(name.length * 7919);
      for (let i = 0; i < 2000; i++) {
        let payload: unknown = valid[Math.floor(random() * valid.length)];
        const mutations = 1 + Math.floor(random() * 3);
        for (let m = 0; m < mutations; m++) {
          const all = paths(payload);
          payload = setAt(payload, all[Math.floor(random() * all.length)]!, nasty[Math.floor(random() * nasty.length)]);
        }
        sameVerdict(name, schema, read, payload);
      }
    });
  }

  test('each field of the signer, as petition-form checks it while it is typed: the same verdict as personSchema', () => {
    const corpus: Record<'email' | 'phone' | 'postalCode' | 'givenName' | 'country', string[]> = {
      email: [
        'ada@example.org',
        ' ada@example.org ',
        'ADA@EXAMPLE.ORG',
        'a.b-c_d+e@sub.example.co.uk',
        "o'brien@example.ie",
        'ada@example',
        'ada@example.o',
        'ada@-example.org',
        'ada@example..org',
        '.ada@example.org',
        'ada.@example.org',
        'ada..lovelace@example.org',
        'ada@@example.org',
        'ada example@example.org',
        'ada@exa mple.org',
        'ädä@example.org',
        'ada@exämple.org',
        'ada@xn--exmple-cua.org',
        'ada@123.123.123.123',
        'ada@[127.0.0.1]',
        '"ada"@example.org',
        '@example.org',
        'ada@',
        '',
        `${'a'.repeat(64)}@example.org`,
        `${'a'.repeat(243)}@example.org`,
        `${'a'.repeat(242)}@example.org`,
        'ada@example.org\n',
        'ada\u0000@example.org',
      ],
      phone: [
        '+33 6 12 34 56 78',
        '06 12 34 56 78',
        '(555) 123-4567',
        '555.123.4567',
        '+',
        '123',
        '1234',
        '++33 6',
        '+33-6-12',
        'tel:0612',
        ` ${'1'.repeat(31)} `,
        '1'.repeat(32),
        '٠٦١٢٣٤٥٦',
      ],
      postalCode: [
        '75011',
        'N1 9GU',
        'H2X-1Y4',
        '',
        ' ',
        'N1_9GU',
        '75011é',
        '1'.repeat(16),
        ` ${'1'.repeat(16)} `,
        '1'.repeat(17),
        '７５０１１',
      ],
      givenName: ['Ada', ' Ada ', '', '   ', 'a'.repeat(100), 'a'.repeat(101), 'Ayşe', 'مهمت', 'Ada\u0000', 'Ada\uFFFE', '\uD800'],
      country: ['FR', 'fr', 'FRA', 'F', '', 'XK', 'ZZ', ' FR'],
    };
    let checked = 0;
    for (const [field, values] of Object.entries(corpus) as Array<[keyof typeof corpus, string[]]>) {
      for (const value of [...values, ...nasty.filter((entry) => typeof entry === 'string')]) {
        const zod = personSchema.shape[field].safeParse(value).success;
        assert.equal(isValidPersonField(field, value), zod, `${field} ${JSON.stringify(value)}: reader ≠ zod (${zod})`);
        checked++;
      }
    }
    assert.ok(checked > 100, `${checked} values checked`);
  });

  test('a rejection names the path of the problem', () => {
    const result = readPetition({ ...petition, signatureCount: -1 });
    assert.equal(result.success, false);
    if (!result.success) assert.deepEqual(result.error.issues[0]!.path, ['signatureCount']);
    const nested = readCase({ ...fullCase, photo: { ...fullCase.photo, src: 'javascript:alert(1)' } });
    if (!nested.success) assert.deepEqual(nested.error.issues[0]!.path, ['photo', 'src']);
    else assert.fail('javascript: photo accepted');
  });
});
