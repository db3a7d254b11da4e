/**
 * The webhook adapter: a form's signatures POSTed to any URL (a form service, an automation tool) as JSON
 * or `application/x-www-form-urlencoded`, one flat record whose names the page chooses (`fields`); any 2xx
 * answer is success, whatever its body. It can only sign. In no element's graph: a page imports it (npm),
 * or the CDN's `webhook-client.js`.
 */
import {
  fetchOnce,
  fillPetition,
  normaliseEndpoint,
  readResponse,
  type AgirClient,
  type RequestOptions,
  type SignResult,
} from './client.js';
import type { SignatureRequest } from './contract.js';
import { AgirError } from './errors.js';

/** The record's fields, by their names here: what a webhook can receive. */
export const WEBHOOK_FIELDS = [
  'petition',
  'idempotencyKey',
  'givenName',
  'familyName',
  'email',
  'country',
  'postalCode',
  'phone',
  'comment',
  'newsletter',
  'consentText',
  'consentVersion',
  'locale',
  'sourceUrl',
  'referrer',
  'submittedAt',
] as const;
export type WebhookField = (typeof WEBHOOK_FIELDS)[number];

export interface WebhookClientOptions {
  /** Where signatures are POSTed; `{petition}` is replaced by the form's petition id. */
  url: string;
  /** `json` (default) or `form` (`application/x-www-form-urlencoded`, what form services read). */
  format?: 'json' | 'form' | undefined;
  /**
   * Which field goes under which name, e.g. `{ givenName: 'first_name', email: 'email' }`: only these are
   * sent (nothing the receiver does not ask for). Without it, every field under its own name.
   */
  fields?: Partial<Record<WebhookField, string>> | undefined;
  /** Time allowed for one request, in ms (default 10 000). */
  timeoutMs?: number | undefined;
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof fetch | undefined;
}

/** What the webhook adapter can do: sign, nothing else. */
export type WebhookClient = Required<Pick<AgirClient, 'id' | 'endpoint' | 'sign'>>;

/** A form's signature as the webhook's flat record (the `newsletter` consent as a boolean), before the mapping. */
export function webhookRecord(petition: string, request: SignatureRequest): Record<WebhookField, string | boolean | undefined> {
  const { person } = request;
  const newsletter = request.consents.find((consent) => consent.id === 'newsletter');
  return {
    petition,
    idempotencyKey: request.idempotencyKey,
    givenName: person.givenName,
    familyName: person.familyName,
    email: person.email,
    country: person.country,
    postalCode: person.postalCode,
    phone: person.phone,
    comment: request.comment,
    newsletter: newsletter?.granted === true,
    consentText: newsletter?.text,
    consentVersion: newsletter?.version,
    locale: request.locale,
    sourceUrl: request.source.url,
    referrer: request.source.referrer,
    submittedAt: request.client.submittedAt,
  };
}

/** Creates the webhook adapter (docs/backends.md). */
export function createWebhookClient(options: WebhookClientOptions): WebhookClient {
  const url = normaliseEndpoint(options.url, typeof location === 'undefined' ? undefined : location.href);
  // The page's fetch at the time of each request (a page may wrap it after creating the adapter).
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const form = options.format === 'form';
  if (options.format !== undefined && options.format !== 'json' && !form)
    throw new AgirError('config', `Agir: the webhook format must be "json" or "form" (got "${String(options.format)}").`);
  const names = Object.entries(options.fields ?? {}) as Array<[WebhookField, string]>;
  for (const [field, name] of names) {
    if (!WEBHOOK_FIELDS.includes(field) || typeof name !== 'string' || name === '')
      throw new AgirError(
        'config',
        `Agir: the webhook's fields map a field of ${WEBHOOK_FIELDS.join(', ')} to a non-empty name (got ${JSON.stringify(field)}: ${JSON.stringify(name)}).`,
      );
  }

  return {
    id: `webhook:${url}`,
    endpoint: url,
    async sign(petition: string, request: SignatureRequest, opts: RequestOptions = {}): Promise<SignResult> {
      const record = webhookRecord(petition, request);
      const pairs: Array<[string, string | boolean]> = [];
      for (const [field, name] of names.length ? names : WEBHOOK_FIELDS.map((key) => [key, key] as const)) {
        const value = record[field];
        if (value !== undefined) pairs.push([name, value]);
      }
      const to = fillPetition(url, petition);
      const body = form
        ? new URLSearchParams(pairs.map(([name, value]) => [name, String(value)])).toString()
        : JSON.stringify(Object.fromEntries(pairs));
      const type = form ? 'application/x-www-form-urlencoded' : 'application/json';
      const response = await fetchOnce(
        doFetch,
        to,
        { method: 'POST', headers: { 'content-type': type }, body, credentials: 'omit' },
        timeoutMs,
        opts.signal,
      );
      // Success is the status code: a form service's 2xx answer may be a page, or nothing.
      if (!response.ok) await readResponse(response, to, () => ({ success: true, data: undefined }));
      return { duplicate: false, status: response.status };
    },
  };
}
