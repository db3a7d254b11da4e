/**
 * Reads a signature request (what petition-form sends and its queue keeps) without zod, the person with the
 * readers the form checks its fields with (read/person.ts).
 * `test/read.test.ts` holds it to `signatureRequestSchema`'s verdicts and data, as the other readers.
 */
import type { SignatureRequest } from './schemas/signature.js';
import { ID_PATTERN, LOCALE_PATTERN } from './vocabulary.js';
import { fail, idText, isObject, object, optional, reader, type Reader } from './read/base.js';
import { array, bool, dateTime, nonEmpty, text } from './read/formats.js';
import { readPersonValue } from './read/person.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const TRACKING_KEY = /^(utm|mtm)_[a-z_]{1,24}$|^[a-z_]{1,24}$/;

const tracking: Reader<Record<string, string>> = (value, path) => {
  if (!isObject(value)) return fail(path, 'expected an object');
  const out: Record<string, string> = {};
  for (const key of Object.keys(value)) {
    if (!TRACKING_KEY.test(key)) return fail([...path, key], 'invalid key');
    out[key] = text(200)(value[key], [...path, key]);
  }
  return out;
};

const readSignatureRequestValue = object<SignatureRequest>({
  idempotencyKey: text(36, UUID),
  person: readPersonValue,
  consents: array(object({ id: idText, granted: bool, text: nonEmpty(2000), version: nonEmpty(64) }), 10),
  comment: optional(text(2000)),
  locale: text(Infinity, LOCALE_PATTERN),
  source: object({ url: text(2048), referrer: optional(text(2048)), utm: optional(tracking), embed: optional(text(64, ID_PATTERN)) }),
  client: object({ startedAt: dateTime, submittedAt: dateTime, trap: text(500) }),
});

/** Reads the body of `POST /petitions/{id}/signatures` (unknown keys dropped, text trimmed where the contract trims). */
export const readSignatureRequest = reader(readSignatureRequestValue);
