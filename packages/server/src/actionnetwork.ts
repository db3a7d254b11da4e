/**
 * Action Network's counts for pages, read with the organisation's API key: `GET /api/v1/actionnetwork/petitions/:id`
 * fetches the Action Network petition (`GET {apiUrl}/petitions/{id}` with the `OSDI-API-Token` header, the key
 * read from the environment at each request, never stored) and answers the contract's petition, so a counter
 * (or the browser's Action Network adapter, its `readUrl`) shows it. Answers are kept `cacheMs` (Action Network
 * allows a few requests a second per key). Without the key the route says so (503) and the server logs how to
 * set it, once.
 */
import { petitionSchema, type Petition } from '@agir/core';

export const ACTION_NETWORK_API = 'https://actionnetwork.org/api/v2';
export const ACTION_NETWORK_KEY_ENV = 'AGIR_ACTIONNETWORK_KEY';

export interface ActionNetworkReadOptions {
  /** Action Network's API base (default https://actionnetwork.org/api/v2; tests point it at a fake). */
  apiUrl?: string | undefined;
  /** The environment variable holding the API key (default AGIR_ACTIONNETWORK_KEY). */
  keyEnv?: string | undefined;
  /** Where the key is read (default process.env). */
  env?: Record<string, string | undefined> | undefined;
  /** How long an answer is kept, in ms (default 30 000). */
  cacheMs?: number | undefined;
  /** Time allowed for Action Network to answer, in ms (default 10 000). */
  timeoutMs?: number | undefined;
  /** The petitions' language in the answer (Action Network does not say; default `en`). */
  locale?: string | undefined;
}

/** What became of a read: the contract's petition, or a status and a message for the page author. */
export type ActionNetworkRead = { petition: Petition } | { status: 404 | 502 | 503; message: string };

/**
 * Turns an Action Network petition into the contract's: `total_signatures` is the count, `title` the title,
 * `modified_date` the update time. Action Network has no goal and no closed state, and does not say where
 * signers live: `goal` is null, `status` open and `countryCount` 0 (do not ask such a counter for countries).
 */
export function contractPetition(id: string, resource: unknown, locale: string): Petition | undefined {
  const data = resource as { title?: unknown; total_signatures?: unknown; modified_date?: unknown; created_date?: unknown } | null;
  const updated = typeof data?.modified_date === 'string' ? data.modified_date : data?.created_date;
  const parsed = petitionSchema.safeParse({
    id,
    title: data?.title,
    status: 'open',
    signatureCount: data?.total_signatures,
    countryCount: 0,
    goal: null,
    updatedAt: typeof updated === 'string' ? new Date(updated).toISOString() : undefined,
    locale,
  });
  return parsed.success ? parsed.data : undefined;
}

/** Reads petitions from Action Network, with a short cache. */
export function actionNetworkReader(options: ActionNetworkReadOptions = {}, notice?: (message: string) => void) {
  const apiUrl = (options.apiUrl ?? ACTION_NETWORK_API).replace(/\/+$/, '');
  const keyEnv = options.keyEnv ?? ACTION_NETWORK_KEY_ENV;
  const cacheMs = options.cacheMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const locale = options.locale ?? 'en';
  const cache = new Map<string, { at: number; read: Promise<ActionNetworkRead> }>();
  let warned = false;

  async function fetchPetition(id: string, key: string): Promise<ActionNetworkRead> {
    let response: Response;
    try {
      response = await fetch(`${apiUrl}/petitions/${encodeURIComponent(id)}`, {
        headers: { 'osdi-api-token': key, accept: 'application/hal+json, application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { status: 502, message: `Action Network could not be reached (${(error as Error).message}).` };
    }
    if (response.status === 404) return { status: 404, message: 'No such petition on Action Network.' };
    if (!response.ok)
      return {
        status: 502,
        message: `Action Network answered HTTP ${response.status}${response.status === 401 || response.status === 403 ? ': check the API key' : ''}.`,
      };
    const petition = contractPetition(id, await response.json().catch(() => undefined), locale);
    return petition ? { petition } : { status: 502, message: 'Action Network answered something that is not a petition.' };
  }

  return {
    read(id: string, now = Date.now()): Promise<ActionNetworkRead> {
      const key = (options.env ?? process.env)[keyEnv];
      if (!key) {
        if (!warned) {
          warned = true;
          notice?.(`Action Network counts were asked for, but ${keyEnv} is not set: set it to your group's API key.\n`);
        }
        return Promise.resolve({
          status: 503,
          message: `Action Network counts are not set up on this server: its operator sets ${keyEnv} to the group's API key.`,
        });
      }
      const kept = cache.get(id);
      if (kept && now - kept.at < cacheMs) return kept.read;
      const read = fetchPetition(id, key);
      cache.set(id, { at: now, read });
      // A failure is not kept: the next request asks again.
      void read.then((result) => 'status' in result && cache.get(id)?.read === read && cache.delete(id));
      if (cache.size > 1000) cache.delete(cache.keys().next().value!);
      return read;
    },
  };
}
