/**
 * Every worked case of tax-cases.public.json goes through computeRelief and must match each
 * `expect` key to the cent. The test reads the committed copy in ./fixtures (works in a fresh
 * clone); when the shared original is present it also checks that the copy is up to date.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { allCountries, computeRelief, computeTrustedRelief, type ReliefEstimate, type ReliefInput } from '../src/tax/index.js';

interface TaxCase {
  readonly id: string;
  readonly input: Record<string, unknown>;
  readonly expect: Record<string, number>;
  readonly source?: string;
  readonly note?: string;
}

const fixtureUrl = new URL('./fixtures/tax-cases.public.json', import.meta.url);

/** The shared original: ../shared next to the checkout, else $AGIR_SHARED_DIR/data. */
function sharedOriginal(): string | undefined {
  const beside = fileURLToPath(new URL('../../../../shared/data/tax-cases.public.json', import.meta.url));
  if (existsSync(beside)) return beside;
  const dir = process.env.AGIR_SHARED_DIR;
  if (dir) {
    for (const candidate of [path.join(dir, 'data', 'tax-cases.public.json'), path.join(dir, 'tax-cases.public.json')]) {
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

const cases = JSON.parse(readFileSync(fixtureUrl, 'utf8')) as TaxCase[];

describe('tax-cases.public.json', () => {
  test('the fixture holds cases', () => {
    assert.ok(cases.length >= 38, `only ${cases.length} cases`);
    assert.equal(new Set(cases.map((c) => c.id)).size, cases.length, 'case ids are unique');
  });

  const original = sharedOriginal();
  test('the committed fixture equals the shared original', { skip: original ? false : 'shared data not found' }, () => {
    const copy = JSON.parse(readFileSync(fixtureUrl, 'utf8')) as unknown;
    const source = JSON.parse(readFileSync(original!, 'utf8')) as unknown;
    assert.deepEqual(copy, source, 'run: cp ../shared/data/tax-cases.public.json packages/core/test/fixtures/');
  });

  for (const c of cases) {
    test(`${c.id}${c.note ? ` — ${c.note}` : ''}`, () => {
      const result = computeRelief(c.input);
      assert.equal(result.ok, true, result.ok ? '' : `${result.reason}: ${result.message}`);
      // The zod-free path (for callers that build the input from checked values) agrees to the last field.
      assert.deepStrictEqual(computeTrustedRelief(allCountries, c.input as ReliefInput), result, `${c.id} computeTrustedRelief`);
      const estimate = result as ReliefEstimate;
      const got = estimate as unknown as Record<string, unknown>;
      const minor = estimate.minor as unknown as Record<string, unknown>;
      for (const [key, expected] of Object.entries(c.expect)) {
        assert.equal(got[key], expected, `${c.id} ${key}`);
        assert.equal(minor[key], Math.round(expected * 100), `${c.id} minor.${key}`);
      }
      // Invariants of every estimate.
      assert.equal(estimate.refundable, false);
      assert.equal(estimate.periodsPerYear * (c.input.amount as number), estimate.annualGift);
      if (estimate.reliefPerYear !== null) {
        assert.equal(estimate.minor.netCostPerYear, estimate.minor.annualGift - estimate.minor.reliefPerYear!);
      }
      assert.ok(estimate.rule.source.length > 0);
      assert.ok(['H', 'M', 'L'].includes(estimate.rule.confidence));
    });
  }
});
