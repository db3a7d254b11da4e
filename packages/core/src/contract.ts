/**
 * The endpoint contract (v1) as zod/mini schemas: the single source of truth for the wire format
 * shared by the elements, the reference server and the generated JSON Schema in docs/.
 * See docs/contract.md for the human summary.
 */
import * as z from 'zod/mini';
import { caseStatusKinds, COUNTRY_PATTERN, DAY_PATTERN, errorCodes, ID_PATTERN, isHttpUrl, LOCALE_PATTERN } from './vocabulary.js';

// No `new Function` probe or JIT: Agir runs under strict CSPs (no 'unsafe-eval'), where even a caught probe
// is reported as a securitypolicyviolation.
z.config({ jitless: true });

const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** A non-negative safe integer (counts never go negative, never lose precision). */
const count = z.int().check(z.minimum(0), z.maximum(MAX_COUNT));
/** An identifier usable in a URL path segment. */
export const idSchema = z.string().check(z.regex(ID_PATTERN, 'expected an id of letters, digits, "-" or "_" (1-64)'));
/** ISO 3166-1 alpha-2 country code, upper case. */
export const countryCodeSchema = z.string().check(z.regex(COUNTRY_PATTERN, 'expected an ISO 3166-1 alpha-2 country code such as "FR"'));
/** BCP 47 language tag (loose). */
export const localeSchema = z.string().check(z.regex(LOCALE_PATTERN, 'expected a BCP 47 language tag such as "fr" or "pt-BR"'));
const isoDateTime = z.iso.datetime({ offset: true });
/** Bounded plain text: never rendered as HTML by any element. */
const text = (max: number) => z.string().check(z.maxLength(max));
const nonEmptyText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
/** An absolute http(s) URL. */
export const httpUrlSchema = z.string().check(z.maxLength(2048), z.refine(isHttpUrl, 'expected an absolute http(s) URL'));

// ---------------------------------------------------------------------------------------------
// Petitions

export const petitionStatusSchema = z.enum(['open', 'closed']);

export const petitionSchema = z.object({
  id: idSchema,
  title: text(500),
  status: petitionStatusSchema,
  signatureCount: count,
  countryCount: count,
  goal: z.nullable(z.int().check(z.minimum(1), z.maximum(MAX_COUNT))),
  updatedAt: isoDateTime,
  locale: localeSchema,
});
export type Petition = z.infer<typeof petitionSchema>;

/** The payload of the `count` event of `GET /petitions/{id}/stream`. */
export const countEventSchema = z.object({
  signatureCount: count,
  countryCount: count,
});
export type CountEvent = z.infer<typeof countEventSchema>;

export const personSchema = z.object({
  givenName: nonEmptyText(100),
  familyName: nonEmptyText(100),
  email: z.string().check(z.trim(), z.maxLength(254), z.email()),
  country: countryCodeSchema,
  postalCode: z.optional(
    z.string().check(z.trim(), z.maxLength(16), z.regex(/^[A-Za-z0-9 -]*$/, 'expected letters, digits, spaces or "-"')),
  ),
  phone: z.optional(
    z.string().check(z.trim(), z.maxLength(32), z.regex(/^\+?[0-9 ().-]{4,31}$/, 'expected a phone number such as +33 6 12 34 56 78')),
  ),
});
export type Person = z.infer<typeof personSchema>;

export const consentSchema = z.object({
  id: idSchema,
  granted: z.boolean(),
  text: nonEmptyText(2000),
  version: nonEmptyText(64),
});
export type Consent = z.infer<typeof consentSchema>;

export const sourceSchema = z.object({
  url: text(2048),
  referrer: z.optional(text(2048)),
  utm: z.optional(z.record(z.string().check(z.regex(/^(utm|mtm)_[a-z_]{1,24}$|^[a-z_]{1,24}$/)), text(200))),
  embed: z.optional(idSchema),
});
export type Source = z.infer<typeof sourceSchema>;

export const clientMetaSchema = z.object({
  startedAt: isoDateTime,
  submittedAt: isoDateTime,
  trap: text(500),
});
export type ClientMeta = z.infer<typeof clientMetaSchema>;

const uuid = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, 'expected a UUID'));

export const signatureRequestSchema = z.object({
  idempotencyKey: uuid,
  person: personSchema,
  consents: z.array(consentSchema).check(z.maxLength(10)),
  comment: z.optional(text(2000)),
  locale: localeSchema,
  source: sourceSchema,
  client: clientMetaSchema,
});
export type SignatureRequest = z.infer<typeof signatureRequestSchema>;

export const signatureResponseSchema = z.object({
  signatureCount: count,
  duplicate: z.boolean(),
});
export type SignatureResponse = z.infer<typeof signatureResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Cases

export const caseStatusKindSchema = z.enum(caseStatusKinds);
export type CaseStatusKind = z.infer<typeof caseStatusKindSchema>;

export const photoSchema = z.object({
  src: httpUrlSchema,
  alt: text(500),
  credit: z.optional(text(200)),
  width: z.int().check(z.minimum(1), z.maximum(10000)),
  height: z.int().check(z.minimum(1), z.maximum(10000)),
});

export const caseActionSchema = z.union([
  z.object({ label: nonEmptyText(80), url: httpUrlSchema }),
  z.object({ label: nonEmptyText(80), petition: idSchema }),
]);
export type CaseAction = z.infer<typeof caseActionSchema>;

export const caseSchema = z.object({
  id: idSchema,
  name: nonEmptyText(200),
  fullName: z.optional(text(300)),
  isGroup: z.boolean(),
  photo: z.optional(photoSchema),
  country: countryCodeSchema,
  region: z.optional(text(200)),
  category: z.array(idSchema).check(z.maxLength(20)),
  status: z.object({
    kind: caseStatusKindSchema,
    label: z.optional(text(200)),
    since: z.optional(z.string().check(z.regex(DAY_PATTERN, 'expected a year, year-month or ISO date'))),
  }),
  summary: text(1000),
  story: z.optional(z.array(text(5000)).check(z.maxLength(50))),
  quote: z.optional(z.object({ text: nonEmptyText(2000), author: text(200) })),
  action: z.optional(caseActionSchema),
  tags: z.optional(z.array(idSchema).check(z.maxLength(20))),
  updatedAt: isoDateTime,
  locale: localeSchema,
});
export type Case = z.infer<typeof caseSchema>;

export const caseListSchema = z.object({
  items: z.array(caseSchema).check(z.maxLength(1000)),
});
export type CaseList = z.infer<typeof caseListSchema>;

export const healthSchema = z.object({ ok: z.literal(true) });

// ---------------------------------------------------------------------------------------------
// Errors

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: text(2000),
    fields: z.optional(z.record(z.string().check(z.maxLength(200)), text(200))),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Every schema of the contract, by the name the generated JSON Schema document uses. */
export const contractSchemas = {
  Petition: petitionSchema,
  CountEvent: countEventSchema,
  SignatureRequest: signatureRequestSchema,
  SignatureResponse: signatureResponseSchema,
  Case: caseSchema,
  CaseList: caseListSchema,
  Health: healthSchema,
  Error: errorBodySchema,
} as const;

// Kept here for those who import it with the schemas; it lives in errors.ts so that code reading
// responses does not pull zod in.
export { fieldErrors } from './errors.js';
