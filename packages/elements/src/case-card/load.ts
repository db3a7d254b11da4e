/**
 * The network half of case-card and case-card-list: the HTTP client, the contract's readers (zod-free, held to
 * the zod schemas' verdicts by core's parity test) and
 * what their failures mean for the reader and the page author. Imported on first use only, so a card
 * written inline by a page author never downloads them.
 */
import { createClient, readCase, readCaseList, type AgirClient, type Case } from '@agir/core';
import { quote, validated } from './case-view.js';

/** A case to show, or why there is none: the reader's message, whether trying again may help, the page author's message. */
export type Outcome = { case: Case } | { problem: 'loadError' | 'notFound' | 'invalid'; retryable: boolean; message: string };

type Failure = { kind?: string; status?: number; message?: string };

/** The client of an endpoint, or the page's own; a message for the page author when it lacks `method`. */
function clientOf<M extends 'getCase' | 'listCases'>(source: string | AgirClient, method: M): Required<Pick<AgirClient, M>> {
  const client = typeof source == 'string' ? createClient({ endpoint: source }) : source;
  if (typeof client[method] != 'function')
    throw { kind: 'config', message: `its client has no ${method}() method: give it one (docs/backends.md).` } satisfies Failure;
  return client as unknown as Required<Pick<AgirClient, M>>;
}

/** `GET {endpoint}/cases/{id}?locale=…`, or the page's client's `getCase`: validated. */
export async function fetchCase(source: string | AgirClient, id: string, locale: string, signal: AbortSignal): Promise<Outcome> {
  try {
    const found = await clientOf(source, 'getCase').getCase(id, { locale, signal });
    // The contract client checked it already; a page's own client is held to the contract here.
    return typeof source == 'string' ? { case: found } : checkCase(found, `its client's getCase(${quote(id)})`);
  } catch (error) {
    const { kind, status, message } = error as Failure;
    const problem = status === 404 ? 'notFound' : kind === 'schema' ? 'invalid' : 'loadError';
    return {
      problem,
      retryable: problem === 'loadError' && kind !== 'config',
      message: `could not show case=${quote(id)}: ${message ?? String(error)}`,
    };
  }
}

/** A `.data` object checked against the contract (`readCase`, same verdicts as `caseSchema`); the message names the failing field. */
export function checkCase(data: unknown, what = '.data'): Outcome {
  const result = readCase(data);
  if (result.success) return { case: result.data };
  const issues = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  return { problem: 'invalid', retryable: false, message: `${what} is not a case of the Agir contract (${issues}); see docs/contract.md.` };
}

/**
 * `GET {endpoint}/cases?tag=…&locale=…`, or the page's client's `listCases`: validated, each case marked so
 * that its card does not check it again.
 */
export async function fetchCases(
  source: string | AgirClient,
  tag: string | undefined,
  locale: string,
  signal: AbortSignal,
): Promise<{ cases: Case[] } | { retryable: boolean; message: string }> {
  try {
    let cases = await clientOf(source, 'listCases').listCases({ tag, locale }, { signal });
    if (typeof source != 'string') {
      // A page's own client is held to the contract: what it gave is read as `GET /cases` is.
      const read = readCaseList({ items: cases });
      if (!read.success) {
        const { path, message } = read.error.issues[0]!;
        throw {
          kind: 'schema',
          message: `its client's listCases() gave ${path.slice(1).join('.') || 'no array'}: ${message}`,
        } satisfies Failure;
      }
      cases = read.data.items;
    }
    for (const item of cases) validated.add(item);
    return { cases };
  } catch (error) {
    const { kind, status, message } = error as Failure;
    return {
      retryable: kind !== 'schema' && kind !== 'config' && status !== 404,
      message: `could not load the cases${tag ? ` tagged ${quote(tag)}` : ''}: ${message ?? String(error)}`,
    };
  }
}
