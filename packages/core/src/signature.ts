/**
 * Pure helpers that build a `SignatureRequest` from what a form collected and where the page came from:
 * attribution (page URL, referrer, `utm_*` / `mtm_*` parameters, embed id), prefill parameters, and the
 * idempotency key. The result is not validated here: validate it with `signatureRequestSchema`.
 */
import type { Consent, Person, SignatureRequest, Source } from './contract.js';
import { ID_PATTERN } from './id.js';
import { asciiDigits } from './vocabulary.js';

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

/** A value percent-decoded until it stops changing (at most three rounds): what it says, however often it was encoded. */
function decoded(value: string): string {
  let text = value;
  for (let round = 0; round < 3; round++) {
    try {
      const next = decodeURIComponent(text);
      if (next === text) break;
      text = next;
    } catch {
      break;
    }
  }
  return text;
}

const words = (text: string): string[] =>
  text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The words of a signer's given name, family name and the local part of their email (lower-cased). */
export function signerWords(person: Partial<Record<'givenName' | 'familyName' | 'email', string | null | undefined>>): Set<string> {
  return new Set([person.givenName, person.familyName, person.email?.split('@')[0]].flatMap((text) => words(text ?? '')));
}

/**
 * Whether a tracking value or a page path may name someone: it holds `@` (an email address) or a word of
 * the signer's own names or address (`signerWords`), as sent or percent-decoded. Such a value is dropped:
 * mailing tools fill `utm_content` or `utm_term` with the recipient's address or name.
 */
const personal = (value: string, signer: ReadonlySet<string>): boolean => {
  const text = decoded(value);
  return text.includes('@') || words(text).some((word) => signer.has(word));
};

const NOBODY: ReadonlySet<string> = new Set();

/**
 * The `utm_*` and `mtm_*` parameters of a query string (keys lower-cased, values trimmed to 200
 * characters), without a value that may name someone (`@`, or a word of `signer`, see `signerWords`).
 */
export function trackingParameters(
  search: string | URLSearchParams,
  signer: ReadonlySet<string> = NOBODY,
): Record<string, string> | undefined {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const found: Record<string, string> = {};
  let count = 0;
  for (const [rawKey, rawValue] of params) {
    const key = rawKey.toLowerCase();
    const value = clip(rawValue.trim(), 200);
    if (!TRACKING.test(key) || value === '' || key in found || personal(rawValue, signer)) continue;
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
 * tracking parameters (`trackingParameters`: `utm_*`, `mtm_*`, none holding `@` or a word of `signer`).
 * Every other parameter goes (prefill parameters such as `email=` and `given_name=`, tokens, anything a
 * page appends), and so do the fragment and any user name or password; a path holding `@` or a word of
 * `signer` becomes `/`. A URL of another scheme keeps its path only; a value that is no URL at all passes
 * as it is, or as `""` when it holds `@` or such a word. The one rule for the elements (the page a form is
 * on) and the reference server (every signature it stores); clipped to 2048 characters.
 */
export function sourcePageUrl(pageUrl: string, signer: ReadonlySet<string> = NOBODY): string {
  let parsed: URL;
  try {
    parsed = new URL(pageUrl);
  } catch {
    return personal(pageUrl, signer) ? '' : clip(pageUrl, 2048); // not a URL (a test page): nothing to strip
  }
  const utm = trackingParameters(parsed.searchParams, signer);
  parsed.hash = '';
  parsed.search = '';
  parsed.username = '';
  parsed.password = '';
  if (personal(parsed.pathname, signer)) parsed.pathname = '/';
  if (utm) for (const [key, value] of Object.entries(utm)) parsed.searchParams.append(key, value);
  return clip(parsed.href, 2048);
}

/**
 * A signature's source with nothing of its signer in the columns kept in the clear: `source.url` and the
 * referrer through `sourcePageUrl` and `source.utm` through `trackingParameters` (other keys dropped), all
 * against the signer's own words. The elements send it so; the reference server applies it again to what it
 * stores (and relays and exports).
 */
export function signerSource(source: Source, person: Parameters<typeof signerWords>[0]): Source {
  const signer = signerWords(person);
  const { utm: sent, referrer, ...rest } = source;
  const clean: Source = { ...rest, url: sourcePageUrl(source.url, signer) };
  // The page the reader came from, by the same rule: a forum thread's `?user=…` or a profile's `/@name` is theirs.
  const from = referrer && sourcePageUrl(referrer, signer);
  if (from) clean.referrer = from;
  const utm = sent && trackingParameters(new URLSearchParams(sent), signer);
  if (utm) clean.utm = utm;
  return clean;
}

/**
 * Where a signature came from: the page URL and the referrer (`sourcePageUrl`: origin, path and tracking
 * parameters only, so no prefill parameter or user name carrying personal data), tracking parameters and the
 * embedding partner's id.
 */
export function signatureSource(pageUrl: string, referrer?: string, embed?: string): Source {
  let utm: Record<string, string> | undefined;
  try {
    utm = trackingParameters(new URL(pageUrl).searchParams);
  } catch {
    // Not a URL (a test page, an about: page): no tracking parameters.
  }
  const source: Source = { url: sourcePageUrl(pageUrl) };
  const from = referrer && sourcePageUrl(referrer);
  if (from) source.referrer = from;
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
    let value = raw?.trim();
    if (value && (field === 'phone' || field === 'postalCode')) value = asciiDigits(value);
    if (value) person[field] = field === 'country' ? value.toUpperCase() : value;
  }
  const request: SignatureRequest = {
    idempotencyKey: input.idempotencyKey ?? newIdempotencyKey(),
    person: person as Person,
    consents: input.consents ?? [],
    locale: input.locale,
    source: signerSource(input.source, person),
    client: { startedAt: iso(input.startedAt), submittedAt: iso(input.submittedAt ?? Date.now()), trap: clip(input.trap ?? '', 500) },
  };
  const comment = input.comment?.trim();
  if (comment) request.comment = comment;
  return request;
}
