// The static adapter: petitions and cases from one JSON file on any host, read-only. Nothing in the elements
// imports it: a page that uses it imports it (npm), or the CDN's `static-client.js`.
import type { AgirClient, RequestOptions } from './client.js';
import { normaliseEndpoint } from './client.js';
import { AgirError } from './errors.js';
import { parseRetryAfter } from './retry.js';
import { readStaticData, type StaticData } from './read/static.js';

export type { StaticData };

/** What the static adapter can do: read petitions and cases. It has no `sign`: a form given it says it cannot take signatures. */
export type StaticClient = Required<Omit<AgirClient, 'streamUrl' | 'streamsUrl' | 'sign'>>;

export interface StaticClientOptions {
  /** The JSON file, absolute or relative to the page: `{ "petitions": [...], "cases": [...] }` (docs/backends.md). */
  url: string;
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof fetch;
}

/**
 * A client that reads petitions (their counts) and cases from one JSON file, validated against the contract
 * with each read (so an edited file shows at the next poll). It cannot record signatures and has no `sign`:
 * a petition form given it tells the reader at once that it cannot take signatures (and the author why, in
 * the console), before anyone types a name.
 */
export function createStaticClient(options: StaticClientOptions): StaticClient {
  const url = normaliseEndpoint(options.url, typeof location === 'undefined' ? undefined : location.href);
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  /** Fetches the file and reads `part` of it (the whole file without): a broken petition leaves the cases readable. */
  async function load({ signal }: RequestOptions = {}, part?: keyof StaticData): Promise<StaticData> {
    let response: Response;
    try {
      // `no-cache`: the browser revalidates its copy at each read (a 304 when unchanged), so an edited file shows
      // at the next poll even from a host that sends no Cache-Control.
      response = await doFetch(url, {
        headers: { accept: 'application/json' },
        credentials: 'omit',
        cache: 'no-cache',
        ...(signal ? { signal } : {}),
      });
    } catch (cause) {
      if (signal?.aborted) throw new AgirError('aborted', 'The request was aborted by the page.', { cause });
      throw new AgirError(
        'network',
        `Agir: could not reach ${url}. Check the file's URL and that its host allows this page's origin (CORS).`,
        {
          url,
          cause,
        },
      );
    }
    if (!response.ok) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      throw new AgirError('http', `Agir: ${url} answered HTTP ${response.status}. Check the file's URL.`, {
        status: response.status,
        url,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    }
    const json: unknown = await response.json().catch(() => undefined);
    const read = readStaticData(
      part && json && typeof json == 'object' && !Array.isArray(json) ? { [part]: (json as StaticData)[part] } : json,
    );
    if (read.success) return read.data;
    const issue = read.error.issues[0]!;
    const path = issue.path.join('.') || '(root)';
    throw new AgirError(
      'schema',
      `Agir: ${url} is not a static file of Agir (${path}: ${issue.message}). It holds { "petitions": [...], "cases": [...] } as docs/backends.md shows.`,
      { url, fields: { [path]: issue.message } },
    );
  }

  const missing = (what: string, id: string): AgirError =>
    new AgirError('http', `Agir: ${url} has no ${what} with the id "${id}".`, { status: 404, code: 'not_found', url });

  return {
    id: `static:${url}`,
    endpoint: url,
    async getPetition(id, opts) {
      const petition = (await load(opts, 'petitions')).petitions?.find((item) => item.id === id);
      if (!petition) throw missing('petition', id);
      return petition;
    },
    async getCase(id, opts) {
      const found = (await load(opts, 'cases')).cases?.find((item) => item.id === id);
      if (!found) throw missing('case', id);
      return found;
    },
    async listCases(query = {}, opts) {
      const cases = (await load(opts, 'cases')).cases ?? [];
      return query.tag ? cases.filter((item) => item.tags?.includes(query.tag!)) : cases;
    },
    async health(opts) {
      await load(opts);
      return true;
    },
  };
}
