/**
 * Writes docs/public/contract/openapi.json: the endpoint contract as an OpenAPI 3.1 document whose schemas are
 * generated from @agir/core's zod schemas (never written by hand). `pnpm schema` runs it; a test fails
 * when the committed document is stale.
 *   tsx packages/core/scripts/write-schema.ts [--check]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJSONSchema } from 'zod/v4/core';
import { contractSchemas } from '../src/contract.js';
import { CLEAN_TEXT_PATTERN, CLEAN_TEXT_PORTABLE_PATTERN } from '../src/vocabulary.js';

export const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/public/contract/openapi.json');

const ref = (name: keyof typeof contractSchemas) => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (name: keyof typeof contractSchemas, description: string) => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
});
const errorResponse = (description: string) => jsonBody('Error', description);
const idParam = (description: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' },
});

export function buildDocument(): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(contractSchemas)) {
    const json = toJSONSchema(schema, {
      target: 'draft-2020-12',
      io: 'input',
      unrepresentable: 'any',
      // The clean-text rule in a dialect every validator reads (no Unicode properties, no `u` flag).
      override: ({ jsonSchema }) => {
        if (jsonSchema.pattern === CLEAN_TEXT_PATTERN.source) jsonSchema.pattern = CLEAN_TEXT_PORTABLE_PATTERN;
      },
    }) as Record<string, unknown>;
    delete json.$schema;
    schemas[name] = json;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Agir endpoint contract',
      version: '1.0.0',
      description:
        'What every Agir element expects of its endpoint. Generated from the zod schemas of @agir/core by `pnpm schema`; do not edit by hand.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'http://localhost:8787/api/v1', description: 'The reference server (pnpm start)' }],
    paths: {
      '/petitions/{id}': {
        get: {
          summary: 'A petition and its live count, in the language negotiated (see the locale parameter)',
          parameters: [idParam('Petition id'), localeParam, acceptLanguage],
          responses: {
            200: {
              ...jsonBody(
                'Petition',
                'The petition in one of its languages, which `locale` and the `Content-Language` header name. Cacheable: `Cache-Control: public, max-age=5, stale-while-revalidate=30`, `Vary: Accept-Language` and an `ETag` per language.',
              ),
              headers: negotiatedHeaders,
            },
            304: { description: 'Not modified (If-None-Match matched the ETag of the language negotiated)' },
            422: errorResponse('The locale parameter is not a language tag'),
            404: errorResponse('No such petition'),
          },
        },
      },
      '/petitions/{id}/stream': {
        get: {
          summary: 'Server-sent events: `count` events carrying a CountEvent, at most one a second. Optional for a backend.',
          parameters: [idParam('Petition id')],
          responses: {
            200: { description: 'text/event-stream of `count` events', content: { 'text/event-stream': { schema: ref('CountEvent') } } },
            404: errorResponse('No stream (elements fall back to polling)'),
          },
        },
      },
      '/stream': {
        get: {
          summary:
            'Server-sent events of several petitions on one connection: `count` events carrying a PetitionCountEvent (the id and its counts), each petition first with its current counts, then at most one event a second per petition. Optional for a backend: elements use one stream per petition, or poll, without it.',
          parameters: [
            {
              name: 'petitions',
              in: 'query',
              required: true,
              description: '1 to 50 petition ids, comma-separated',
              schema: { type: 'string' },
            },
          ],
          responses: {
            200: {
              description: 'text/event-stream of `count` events',
              content: { 'text/event-stream': { schema: ref('PetitionCountEvent') } },
            },
            404: errorResponse('A petition named does not exist (or the backend has no such stream: elements fall back)'),
            422: errorResponse('No ids, more than 50, or an id that is not one'),
            429: errorResponse('Too many open streams (`Retry-After`): elements poll instead'),
          },
        },
      },
      '/petitions/{id}/signatures': {
        post: {
          summary: 'Sign a petition (idempotent on idempotencyKey)',
          parameters: [idParam('Petition id')],
          requestBody: { required: true, content: { 'application/json': { schema: ref('SignatureRequest') } } },
          responses: {
            201: jsonBody(
              'SignatureResponse',
              'A new signature, or an email that signed before with another key (not stored again; answered alike, so that nobody can test whether an address signed)',
            ),
            200: jsonBody('SignatureResponse', 'A retry of an answered request (same idempotencyKey): its first count, duplicate is true'),
            409: errorResponse('The petition is closed'),
            413: errorResponse('The body is too large'),
            422: errorResponse('Validation failed; `fields` names each path'),
            429: errorResponse('Too many requests; see Retry-After'),
          },
        },
      },
      '/cases/{id}': {
        get: {
          summary: 'A person or group at risk, in the language negotiated (see the locale parameter)',
          parameters: [idParam('Case id'), localeParam, acceptLanguage],
          responses: {
            200: {
              ...jsonBody('Case', 'The case in one of its languages, which `locale` and `Content-Language` name'),
              headers: negotiatedHeaders,
            },
            304: { description: 'Not modified (If-None-Match matched the ETag of the language negotiated)' },
            404: errorResponse('No such case'),
            422: errorResponse('The locale parameter is not a language tag'),
          },
        },
      },
      '/cases': {
        get: {
          summary: 'Cases, filtered by tag, each in the language negotiated for it (see the locale parameter)',
          parameters: [{ name: 'tag', in: 'query', required: false, schema: { type: 'string' } }, localeParam, acceptLanguage],
          responses: {
            200: {
              ...jsonBody('CaseList', 'The cases, each saying its `locale` (`Content-Language` when they share one)'),
              headers: negotiatedHeaders,
            },
            304: { description: 'Not modified (If-None-Match matched the ETag of the languages negotiated)' },
            422: errorResponse('The tag or locale parameter is invalid'),
          },
        },
      },
      '/health': { get: { summary: 'For load balancers and scripts', responses: { 200: jsonBody('Health', 'The server is up') } } },
    },
    components: { schemas },
  };
}

/** The language a reader wishes first; then Accept-Language; then the record's default language. */
const localeParam = {
  name: 'locale',
  in: 'query',
  required: false,
  description:
    "The language wished first (a BCP 47 tag: `en`, `pt-BR`). A record without it answers in the reader's Accept-Language (by q-value), else in its default language; a regional tag gets its language (`en-GB` → `en`).",
  schema: { type: 'string' },
};
const acceptLanguage = {
  name: 'Accept-Language',
  in: 'header',
  required: false,
  description: 'The languages the reader reads, with q-values; used after the locale parameter.',
  schema: { type: 'string' },
};
const negotiatedHeaders = {
  'Content-Language': { description: 'The language of the answer', schema: { type: 'string' } },
  Vary: { description: 'Includes Accept-Language', schema: { type: 'string' } },
  ETag: { description: 'One per language', schema: { type: 'string' } },
};

export function renderDocument(): string {
  return `${JSON.stringify(buildDocument(), null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = renderDocument();
  if (process.argv.includes('--check')) {
    const current = readFileSync(schemaFile, 'utf8');
    if (current !== text) {
      console.error(`${schemaFile} is stale: run \`pnpm schema\`.`);
      process.exit(1);
    }
  } else {
    mkdirSync(path.dirname(schemaFile), { recursive: true });
    writeFileSync(schemaFile, text);
    console.log(`wrote ${path.relative(process.cwd(), schemaFile)}`);
  }
}
