import * as z from 'zod/mini';
import { idSchema, isoDateTime, localeSchema, nonEmptyText, text } from './base.js';
import { personSchema } from './person.js';

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
  startedAt: isoDateTime(),
  submittedAt: isoDateTime(),
  trap: text(500),
});
export type ClientMeta = z.infer<typeof clientMetaSchema>;

const uuid = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, 'expected a UUID'));

/** The body of `POST /petitions/{id}/signatures`. */
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
