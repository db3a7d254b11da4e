/**
 * The network half of case-card and case-card-list: the HTTP client, the contract's readers (zod-free, held to
 * the zod schemas' verdicts by core's parity test) and
 * what their failures mean for the reader and the page author. Imported on first use only, so a card
 * written inline by a page author never downloads them.
 */
import { createClient, readCase, type Case } from '@agir/core';
import { quote, validated } from './case-view.js';

/** A case to show, or why there is none: the reader's message, whether trying again may help, the page author's message. */
export type Outcome = { case: Case } | { problem: 'loadError' | 'notFound' | 'invalid'; retryable: boolean; message: string };

type Failure = { kind?: string; status?: number; message?: string };

/** `GET {endpoint}/cases/{id}?locale=…`, validated. */
export async function fetchCase(endpoint: string, id: string, locale: string, signal: AbortSignal): Promise<Outcome> {
  try {
    return { case: await createClient({ endpoint }).getCase(id, { locale, signal }) };
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
export function checkCase(data: unknown): Outcome {
  const result = readCase(data);
  if (result.success) return { case: result.data };
  const issues = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  return { problem: 'invalid', retryable: false, message: `.data is not a case of the Agir contract (${issues}); see docs/contract.md.` };
}

/** `GET {endpoint}/cases?tag=…&locale=…`, validated: each case is marked so that its card does not check it again. */
export async function fetchCases(
  endpoint: string,
  tag: string | undefined,
  locale: string,
  signal: AbortSignal,
): Promise<{ cases: Case[] } | { retryable: boolean; message: string }> {
  try {
    const cases = await createClient({ endpoint }).listCases({ tag, locale }, { signal });
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
