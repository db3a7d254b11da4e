/**
 * The endpoint contract (v1) as zod/mini schemas: the single source of truth for the wire format
 * shared by the elements, the reference server and the generated JSON Schema in docs/.
 * See docs/contract.md for the human summary.
 */
import * as z from 'zod/mini';
import { caseStatusKinds, CLEAN_TEXT_MESSAGE, CLEAN_TEXT_PATTERN, DAY_PATTERN, errorCodes, isHttpUrl } from './vocabulary.js';
import { countryCodeSchema, idSchema, isoDateTime as makeIsoDateTime, localeSchema, nonEmptyText, text } from './schemas/base.js';
import { signatureRequestSchema } from './schemas/signature.js';

export { countryCodeSchema, idSchema, localeSchema } from './schemas/base.js';
export { personSchema, type Person } from './schemas/person.js';
export {
  clientMetaSchema,
  consentSchema,
  signatureRequestSchema,
  sourceSchema,
  type ClientMeta,
  type Consent,
  type SignatureRequest,
  type Source,
} from './schemas/signature.js';

const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** A non-negative safe integer (counts never go negative, never lose precision). */
const count = z.int().check(z.minimum(0), z.maximum(MAX_COUNT));
const isoDateTime = makeIsoDateTime();
/** An absolute http(s) URL. */
export const httpUrlSchema = z
  .string()
  .check(z.maxLength(2048), z.regex(CLEAN_TEXT_PATTERN, CLEAN_TEXT_MESSAGE), z.refine(isHttpUrl, 'expected an absolute http(s) URL'));

// ---------------------------------------------------------------------------------------------
// Petitions

/** A petition's goal: a positive count, or null for none. */
const goal = z.nullable(z.int().check(z.minimum(1), z.maximum(MAX_COUNT)));

export const petitionStatusSchema = z.enum(['open', 'closed']);

export const petitionSchema = z.object({
  id: idSchema,
  title: text(500),
  /** What the petition asks, in a paragraph or two (optional). */
  description: z.optional(text(5000)),
  /** The words a reader shares (optional; a share button falls back on the title). */
  shareText: z.optional(text(500)),
  status: petitionStatusSchema,
  signatureCount: count,
  countryCount: count,
  goal,
  updatedAt: isoDateTime,
  /** The language of the words above: the one negotiated (`?locale=`, Accept-Language, else the petition's default). */
  locale: localeSchema,
});
export type Petition = z.infer<typeof petitionSchema>;

/**
 * The payload of the `count` event of `GET /petitions/{id}/stream`. `goal` (optional: older servers leave it
 * out) is the petition's current goal, so a goal changed by the operator reaches open counters.
 */
export const countEventSchema = z.object({
  signatureCount: count,
  countryCount: count,
  goal: z.optional(goal),
});
export type CountEvent = z.infer<typeof countEventSchema>;

/** The payload of a `count` event of `GET /stream?petitions=a,b`: which petition, and its counts. */
export const petitionCountEventSchema = z.extend(countEventSchema, { petition: idSchema });
export type PetitionCountEvent = z.infer<typeof petitionCountEventSchema>;

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
    fields: z.optional(z.record(z.string().check(z.maxLength(200), z.regex(CLEAN_TEXT_PATTERN, CLEAN_TEXT_MESSAGE)), text(200))),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Every schema of the contract, by the name the generated JSON Schema document uses. */
export const contractSchemas = {
  Petition: petitionSchema,
  CountEvent: countEventSchema,
  PetitionCountEvent: petitionCountEventSchema,
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
