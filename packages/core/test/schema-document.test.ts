import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildDocument, renderDocument, schemaFile } from '../scripts/write-schema.js';

test('the committed contract document matches the zod schemas (run `pnpm schema` when this fails)', () => {
  assert.equal(readFileSync(schemaFile, 'utf8'), renderDocument());
});

test('the document describes every schema and endpoint', () => {
  const doc = buildDocument() as {
    components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    paths: Record<string, unknown>;
  };
  assert.deepEqual(Object.keys(doc.components.schemas).sort(), [
    'Case',
    'CaseList',
    'CountEvent',
    'Error',
    'Health',
    'Petition',
    'PetitionCountEvent',
    'SignatureRequest',
    'SignatureResponse',
  ]);
  assert.ok(doc.components.schemas.Petition!.required!.includes('signatureCount'));
  assert.ok(doc.components.schemas.SignatureRequest!.properties!.idempotencyKey);
  assert.deepEqual(Object.keys(doc.paths).sort(), [
    '/cases',
    '/cases/{id}',
    '/health',
    '/petitions/{id}',
    '/petitions/{id}/signatures',
    '/petitions/{id}/stream',
    '/stream',
  ]);
});
