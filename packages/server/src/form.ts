/**
 * The form-encoded twin of the signature route, for plain HTML forms without JavaScript:
 *   givenName, familyName, email, country, postalCode, phone, comment, locale,
 *   consent_<id> (checkbox) + consent_<id>_text + consent_<id>_version,
 *   trap (honeypot), startedAt (ISO time the form was shown, optional), idempotencyKey (optional),
 *   redirect (thank-you URL), error_redirect (where to send the reader back with errors).
 * The fields become the contract's SignatureRequest, checked by the same schema as the JSON route.
 */
import { randomUUID } from 'node:crypto';
import { asciiDigits } from '@agir/core';

export type FormFields = Record<string, string>;

/** Keeps string fields (files are ignored), the first value of repeated ones. */
export function formFields(body: Record<string, unknown>): FormFields {
  const fields: FormFields = {};
  for (const [name, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') fields[name] = first;
  }
  return fields;
}

const CHECKED = new Set(['on', 'true', '1', 'yes']);
const optional = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value);
/** A phone or postal code in Arabic-Indic, Persian or full-width digits, in ASCII ones (as the form sends them). */
const digits = (value: string | undefined): string | undefined => (value === undefined ? undefined : asciiDigits(value));

/**
 * Builds the request object (still unchecked: the caller validates it). A consent counts as granted
 * only when its checkbox came ticked; a consent is recorded when its `_text` field is present.
 */
export function formToRequest(
  fields: FormFields,
  context: { locale: string; sourceUrl: string; now: Date },
): { request: Record<string, unknown>; judgeFillTime: boolean } {
  const consents = Object.keys(fields)
    .map((name) => /^consent_(.+)_text$/.exec(name)?.[1])
    .filter((id): id is string => id !== undefined)
    .sort()
    .map((id) => ({
      id,
      granted: CHECKED.has((fields[`consent_${id}`] ?? '').toLowerCase()),
      text: fields[`consent_${id}_text`] ?? '',
      version: fields[`consent_${id}_version`] ?? '',
    }));
  const submittedAt = context.now.toISOString();
  const startedAt = optional(fields.startedAt);
  const request = {
    idempotencyKey: optional(fields.idempotencyKey) ?? randomUUID(),
    person: {
      givenName: fields.givenName ?? '',
      familyName: fields.familyName ?? '',
      email: fields.email ?? '',
      country: (fields.country ?? '').trim().toUpperCase(),
      postalCode: digits(optional(fields.postalCode)),
      phone: digits(optional(fields.phone)),
    },
    consents,
    comment: optional(fields.comment),
    locale: optional(fields.locale) ?? context.locale,
    source: { url: context.sourceUrl },
    client: { startedAt: startedAt ?? submittedAt, submittedAt, trap: fields.trap ?? '' },
  };
  // Without JavaScript a page cannot stamp the time it was shown: then only the honeypot is judged.
  return { request, judgeFillTime: startedAt !== undefined };
}

/**
 * Resolves a redirect target against the server's own origin and accepts it only when its origin is
 * allowed (no open redirect). Returns the absolute URL, or undefined when refused.
 */
export function safeRedirect(value: string, ownOrigin: string, allowedOrigins: ReadonlySet<string>): URL | undefined {
  let url: URL;
  try {
    url = new URL(value, ownOrigin);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password) return undefined;
  return url.origin === ownOrigin || allowedOrigins.has(url.origin) ? url : undefined;
}

/** The "back with errors" URL: `agir_error=<code>` and one `field=<path>` per invalid field. */
export function errorRedirect(target: URL, code: string, fields: readonly string[] = []): string {
  const url = new URL(target);
  url.searchParams.set('agir_error', code);
  url.searchParams.delete('field');
  for (const field of fields) url.searchParams.append('field', field);
  return url.href;
}
