import * as z from 'zod/mini';
import { PHONE_PATTERN, POSTAL_CODE_PATTERN } from '../vocabulary.js';
import { countryCodeSchema, nonEmptyText } from './base.js';

/** The signer, as `SignatureRequest.person`: the rules petition-form checks each field against as it is filled in. */
export const personSchema = z.object({
  givenName: nonEmptyText(100),
  familyName: nonEmptyText(100),
  email: z.string().check(z.trim(), z.maxLength(254), z.email()),
  country: countryCodeSchema,
  postalCode: z.optional(
    z.string().check(z.trim(), z.maxLength(16), z.regex(POSTAL_CODE_PATTERN, 'expected letters, digits, spaces or "-"')),
  ),
  phone: z.optional(
    z.string().check(z.trim(), z.maxLength(32), z.regex(PHONE_PATTERN, 'expected a phone number such as +33 6 12 34 56 78')),
  ),
});
export type Person = z.infer<typeof personSchema>;
