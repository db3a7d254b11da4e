/**
 * Pure helpers that build a `SignatureRequest` from what a form collected and where the page came from:
 * attribution (page URL, referrer, `utm_*` / `mtm_*` parameters, embed id), prefill parameters, and the
 * idempotency key. The result is not validated here: validate it with `signatureRequestSchema`.
 */
import type { Consent, Person, SignatureRequest, Source } from './contract.js';
import { ID_PATTERN } from './id.js';

type PersonField = keyof Person;

/** URL parameters a page may use to prefill a form (`?given_name=Ada&email=…`), by person field. */
export const prefillParameters: Readonly<Record<string, PersonField>> = {
  given_name: 'givenName',
  family_name: 'familyName',
  email: 'email',
  country: 'country',
  postal_code: 'postalCode',
  phone: 'phone',
};

const TRACKING = /^(utm|mtm)_[a-z_]{1,24}$/;
const MAX_TRACKING_KEYS = 20;

const clip = (value: string, max: number): string => value.slice(0, max);

/** The `utm_*` and `mtm_*` parameters of a query string (keys lower-cased, values trimmed to 200 characters). */
export function trackingParameters(search: string | URLSearchParams): Record<string, string> | undefined {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const found: Record<string, string> = {};
  let count = 0;
  for (const [rawKey, rawValue] of params) {
    const key = rawKey.toLowerCase();
    const value = clip(rawValue.trim(), 200);
    if (!TRACKING.test(key) || value === '' || key in found) continue;
    if (count++ === MAX_TRACKING_KEYS) break;
    found[key] = value;
  }
  return count > 0 ? found : undefined;
}

/** The prefill values of a query string, by person field (trimmed; empty ones left out). */
export function prefillValues(search: string | URLSearchParams): Partial<Record<PersonField, string>> {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const values: Partial<Record<PersonField, string>> = {};
  for (const [parameter, field] of Object.entries(prefillParameters)) {
    const value = params.get(parameter)?.trim();
    if (value) values[field] = clip(field === 'country' ? value.toUpperCase() : value, 254);
  }
  return values;
}

/**
 * The page URL a signature is attributed to, with nothing personal in it: its origin and path, plus the
 * tracking parameters (`utm_*`, `mtm_*`; keys lower-cased, values trimmed to 200 characters). Every other
 * parameter goes (prefill parameters such as `email=` and `given_name=`, tokens, anything a page appends),
 * and so do the fragment and any user name or password. A URL of another scheme keeps its path only; a
 * value that is no URL at all passes as it is. The one rule for the elements (the page a form is on) and
 * the reference server (the `Referer` of the no-JavaScript form route); clipped to 2048 characters.
 */
export function sourcePageUrl(pageUrl: string): string {
  let parsed: URL;
  try {
    parsed = new URL(pageUrl);
  } catch {
    return clip(pageUrl, 2048); // not a URL (a test page): nothing to strip
  }
  const utm = trackingParameters(parsed.searchParams);
  parsed.hash = '';
  parsed.search = '';
  parsed.username = '';
  parsed.password = '';
  if (utm) for (const [key, value] of Object.entries(utm)) parsed.searchParams.append(key, value);
  return clip(parsed.href, 2048);
}

/**
 * Where a signature came from: the page URL (`sourcePageUrl`: origin, path and tracking parameters only,
 * so no prefill parameter carrying personal data), the referrer, tracking parameters and the embedding
 * partner's id.
 */
export function signatureSource(pageUrl: string, referrer?: string, embed?: string): Source {
  let utm: Record<string, string> | undefined;
  try {
    utm = trackingParameters(new URL(pageUrl).searchParams);
  } catch {
    // Not a URL (a test page, an about: page): no tracking parameters.
  }
  const source: Source = { url: sourcePageUrl(pageUrl) };
  if (referrer) source.referrer = clip(referrer, 2048);
  if (utm) source.utm = utm;
  if (embed && ID_PATTERN.test(embed)) source.embed = embed;
  return source;
}

/** A random UUID v4: `crypto.randomUUID` where present (secure contexts), else built from `getRandomValues`. */
export function newIdempotencyKey(crypto: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = globalThis.crypto): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface SignatureInput {
  /** Raw form values; blank optional fields are left out, every value is trimmed. */
  person: Partial<Record<PersonField, string | null | undefined>>;
  consents?: Consent[];
  comment?: string | null;
  locale: string;
  source: Source;
  /** When the reader started (first render or interaction) and submitted. */
  startedAt: Date | number;
  submittedAt?: Date | number;
  /** The honeypot's value (empty for people). */
  trap?: string | null;
  /** Reuse a key (e.g. the same submission sent again); a new one otherwise. */
  idempotencyKey?: string;
}

const iso = (time: Date | number): string => new Date(time).toISOString();

/** Builds the request body of `POST /petitions/{id}/signatures`. */
export function buildSignatureRequest(input: SignatureInput): SignatureRequest {
  const person: Record<string, string> = { givenName: '', familyName: '', email: '', country: '' };
  for (const [field, raw] of Object.entries(input.person)) {
    const value = raw?.trim();
    if (value) person[field] = field === 'country' ? value.toUpperCase() : value;
  }
  const request: SignatureRequest = {
    idempotencyKey: input.idempotencyKey ?? newIdempotencyKey(),
    person: person as Person,
    consents: input.consents ?? [],
    locale: input.locale,
    source: input.source,
    client: { startedAt: iso(input.startedAt), submittedAt: iso(input.submittedAt ?? Date.now()), trap: clip(input.trap ?? '', 500) },
  };
  const comment = input.comment?.trim();
  if (comment) request.comment = comment;
  return request;
}
