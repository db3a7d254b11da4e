/**
 * The Action Network adapter: a form's signatures go to an Action Network petition's record signature
 * helper (https://actionnetwork.org/docs/v2/record_signature_helper) in the OSDI person shape of
 * `osdiSignature` (./osdi.ts, the relay's too), and counts come from a read URL answering the contract's
 * petition (the reference server's `GET /api/v1/actionnetwork/petitions/{id}`, which holds the API key).
 * In no element's graph: a page imports it (npm), or the CDN's `actionnetwork-client.js`.
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
import type { Petition, SignatureRequest } from './contract.js';
import { osdiSignature } from './osdi.js';
import { readPetition } from './read/petition.js';

export interface ActionNetworkClientOptions {
  /**
   * Where signatures are POSTed: the petition's helper, `https://actionnetwork.org/api/v2/petitions/{id}/signatures`,
   * or a route of your own that speaks it. `{petition}` is replaced by the form's petition id.
   */
  url: string;
  /** Where counts are read (a contract petition, `{petition}` replaced); without it the adapter cannot read. */
  readUrl?: string | undefined;
  /** Tags added to every signer (`add_tags`). */
  tags?: readonly string[] | undefined;
  /** The consent that subscribes the signer (default `newsletter`, the form's tick box). */
  consentId?: string | undefined;
  /** Time allowed for one request, in ms (default 10 000). */
  timeoutMs?: number | undefined;
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof fetch | undefined;
}

/** What the Action Network adapter can do: sign, and read a petition when it has a read URL. */
export type ActionNetworkClient = Required<Pick<AgirClient, 'id' | 'endpoint' | 'sign'>> & Pick<AgirClient, 'getPetition'>;

const base = (): string | undefined => (typeof location === 'undefined' ? undefined : location.href);

/** The helper's body for one of a form's signatures (exported for the docs and tests). */
export function actionNetworkSignature(request: SignatureRequest, options: Pick<ActionNetworkClientOptions, 'tags' | 'consentId'> = {}) {
  const { person } = request;
  return osdiSignature(
    {
      givenName: person.givenName,
      familyName: person.familyName,
      email: person.email,
      country: person.country,
      postalCode: person.postalCode,
      comment: request.comment,
      referrer: request.source.referrer,
      utmSource: request.source.utm?.['utm_source'],
      consents: request.consents,
    },
    { identifier: request.idempotencyKey, tags: options.tags, consentId: options.consentId },
  );
}

/** Creates the Action Network adapter (docs/backends.md). */
export function createActionNetworkClient(options: ActionNetworkClientOptions): ActionNetworkClient {
  const url = normaliseEndpoint(options.url, base());
  const readUrl = options.readUrl === undefined ? undefined : normaliseEndpoint(options.readUrl, base());
  // The page's fetch at the time of each request (a page may wrap it after creating the adapter).
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const json = { accept: 'application/json', 'content-type': 'application/json' };

  const client: ActionNetworkClient = {
    id: `actionnetwork:${url}`,
    endpoint: url,
    async sign(petition: string, request: SignatureRequest, opts: RequestOptions = {}): Promise<SignResult> {
      const to = fillPetition(url, petition);
      const body = JSON.stringify(actionNetworkSignature(request, options));
      const response = await fetchOnce(doFetch, to, { method: 'POST', headers: json, body, credentials: 'omit' }, timeoutMs, opts.signal);
      // Action Network answers a POST it refused (a wrong key, a wrong URL) with an empty object: not a signature.
      await readResponse(response, to, (value) =>
        Array.isArray((value as { identifiers?: unknown } | undefined)?.identifiers)
          ? { success: true, data: value }
          : {
              success: false,
              error: {
                issues: [
                  { path: ['identifiers'], message: 'expected the recorded signature (Action Network answers {} when it refused it)' },
                ],
              },
            },
      );
      return { duplicate: false, status: response.status };
    },
  };
  if (readUrl) {
    client.getPetition = async (petition: string, opts: RequestOptions = {}): Promise<Petition> => {
      const from = fillPetition(readUrl, petition);
      const response = await fetchOnce(
        doFetch,
        from,
        { headers: { accept: 'application/json' }, credentials: 'omit' },
        timeoutMs,
        opts.signal,
      );
      return readResponse(response, from, readPetition);
    };
  }
  return client;
}
