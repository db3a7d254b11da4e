/**
 * The rules engine with input validation: checks an input against the zod schema, then computes
 * its relief with `./compute.ts` (which holds the engine proper and imports no zod).
 *
 * It knows no country: pass it the modules you need (`computeReliefWith([fr], input)`), or use
 * `computeRelief` from `./index.ts`, which composes all of them.
 *
 * @module
 */

import { computeNormalised, normaliseReliefInput, ReliefInputError } from './compute.js';
import { reliefInputSchema } from './schema.js';
import type { CalcInput, ComputeOptions, CountryModule, ReliefResult } from './types.js';

export { PERIODS_PER_YEAR, ReliefInputError, ruleForWith } from './compute.js';

interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
}

function describeIssue(issue: ZodIssueLike): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys ?? [];
    return `${where}: unknown key${keys.length === 1 ? '' : 's'} ${keys.map((k) => `"${k}"`).join(', ')}`;
  }
  return `${where}: ${issue.message}`;
}

/**
 * Validate and normalise an input. Country codes are upper-cased; the amount is converted to
 * minor units once.
 * @throws {ReliefInputError} when the input does not match the schema.
 */
export function parseReliefInput(input: unknown, now?: Date): CalcInput {
  const parsed = reliefInputSchema.safeParse(input);
  if (!parsed.success) throw new ReliefInputError(parsed.error.issues.map(describeIssue));
  return normaliseReliefInput(parsed.data, now);
}

/**
 * Compute the relief of one gift with the given country modules.
 *
 * @param modules the country modules to use (e.g. `[fr]` to ship only France to a browser)
 * @param input an object matching {@link reliefInputSchema}
 * @param options `allowPartial: false` turns estimates lacking a profile fact into `missing-profile`
 * @returns `{ ok: true, ...figures }` or `{ ok: false, reason, message }`; never an invented figure
 * @throws {ReliefInputError} when the input is invalid
 */
export function computeReliefWith(
  modules: CountryModule | readonly CountryModule[],
  input: unknown,
  options?: ComputeOptions,
): ReliefResult {
  return computeNormalised(modules, parseReliefInput(input, options?.now), options);
}
