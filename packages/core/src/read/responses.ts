/** Readers of the answers to a signature, of error bodies and of the health check (see base.ts). */
import type { ErrorBody, SignatureResponse } from '../contract.js';
import { errorCodes } from '../vocabulary.js';
import { count, fail, isObject, object, oneOf, optional, reader } from './base.js';
import { bool, text } from './formats.js';

const readSignatureResponseValue = object<SignatureResponse>({ signatureCount: count, duplicate: bool });
const readErrorBodyValue = object<ErrorBody>({
  error: object<ErrorBody['error']>({
    code: oneOf(errorCodes),
    message: text(2000),
    fields: optional((value, path) => {
      if (!isObject(value)) return fail(path, 'expected an object');
      for (const [key, message] of Object.entries(value)) {
        text(200)(key, path);
        text(200)(message, [...path, key]);
      }
      return value as Record<string, string>;
    }),
  }),
});

/** Reads the answer to `POST /petitions/{id}/signatures`. */
export const readSignatureResponse = reader(readSignatureResponseValue);
/** Reads a non-2xx error body. */
export const readErrorBody = reader(readErrorBodyValue);
/** Reads `GET /health`. */
export const readHealth = reader<{ ok: true }>((value, path) =>
  isObject(value) && value.ok === true ? { ok: true } : fail([...path, 'ok'], 'expected true'),
);
