/**
 * Tax years and the rules in force: the figures survive New Year. An input without `taxYear` uses the tax
 * year in progress and, when its rules are not modelled yet, the latest earlier year's, saying so
 * (`rulesYear`, a note); an input that names a year keeps getting "cannot estimate" for a year not modelled.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, mock, test } from 'node:test';

import {
  allCountries,
  computeRelief,
  computeTrustedRelief,
  currentTaxYear,
  taxYearBounds,
  taxYearOn,
  type ReliefEstimate,
  type ReliefInput,
  type ReliefResult,
} from '../src/tax/index.js';

interface TaxCase {
  readonly id: string;
  readonly input: Record<string, unknown>;
  readonly expect: Record<string, number>;
}
const cases = JSON.parse(readFileSync(new URL('./fixtures/tax-cases.public.json', import.meta.url), 'utf8')) as TaxCase[];

/** Local noon of an ISO day (the suite runs with TZ=UTC; noon keeps the day in any zone). */
const at = (day: string) => new Date(`${day}T12:00:00`);
const seedGift = { country: 'FR', donor: 'individual', amount: 15, frequency: 'monthly' } as const;
const estimate = (result: ReliefResult): ReliefEstimate => {
  assert.equal(result.ok, true, result.ok ? '' : `${result.reason}: ${result.message}`);
  return result as ReliefEstimate;
};
const latestYear = (country: string) => Math.max(...Object.keys(allCountries.find((m) => m.country === country)!.years).map(Number));

describe('tax-year calendar', () => {
  test('the UK tax year runs from 6 April to 5 April; elsewhere it is the calendar year', () => {
    assert.deepEqual(taxYearBounds('GB', 2026), ['2026-04-06', '2027-04-05']);
    assert.deepEqual(taxYearBounds('gb', 2027), ['2027-04-06', '2028-04-05']);
    assert.deepEqual(taxYearBounds('FR', 2027), ['2027-01-01', '2027-12-31']);
    assert.equal(taxYearOn('GB', '2027-04-05'), 2026);
    assert.equal(taxYearOn('GB', '2027-04-06'), 2027);
    assert.equal(taxYearOn('GB', '2027-01-02'), 2026);
    assert.equal(taxYearOn('FR', '2027-01-01'), 2027);
    assert.equal(taxYearOn('FR', '2026-12-31'), 2026);
    assert.equal(currentTaxYear('GB', at('2027-04-05')), 2026);
    assert.equal(currentTaxYear('GB', at('2027-04-06')), 2027);
    assert.equal(currentTaxYear('DE', at('2030-06-01')), 2030);
  });

  test('currentTaxYear reads the clock when no date is given', () => {
    mock.timers.enable({ apis: ['Date'], now: at('2027-04-05') });
    try {
      assert.equal(currentTaxYear('GB'), 2026);
      assert.equal(currentTaxYear('FR'), 2027);
    } finally {
      mock.timers.reset();
    }
  });
});

describe("the seed page's gift (FR, 15 € a month) after New Year", () => {
  for (const day of ['2027-01-02', '2027-04-05', '2030-06-01']) {
    test(`${day}: 5.10 € a month with the 2026 rules, and it says so`, () => {
      const result = estimate(computeRelief(seedGift, { now: at(day) }));
      assert.equal(result.netCostPerPeriod, 5.1);
      assert.equal(result.taxYear, Number(day.slice(0, 4)));
      assert.equal(result.rulesYear, 2026);
      assert.equal(result.rule.id, 'FR-2026-individual-general');
      assert.equal(result.rule.taxYear, 2026);
      assert.ok(result.assumptions.includes('rules-year-carried-forward'));
      assert.match(
        result.notes.find((n) => n.code === 'rules-year-carried-forward')!.text,
        new RegExp(`tax year ${result.taxYear} .* the 2026 rules`),
      );
      // The zod-free path the element uses agrees.
      assert.deepStrictEqual(computeTrustedRelief(allCountries, seedGift, { now: at(day) }), result);
    });
  }

  test('in 2026 the 2026 rules apply with no note', () => {
    const result = estimate(computeRelief(seedGift, { now: at('2026-12-31') }));
    assert.equal(result.taxYear, 2026);
    assert.equal(result.rulesYear, 2026);
    assert.ok(!result.assumptions.includes('rules-year-carried-forward'));
  });

  test('without a `now`, the clock decides', () => {
    mock.timers.enable({ apis: ['Date'], now: at('2030-06-01') });
    try {
      const result = estimate(computeRelief(seedGift));
      assert.equal(result.taxYear, 2030);
      assert.equal(result.rulesYear, 2026);
      assert.equal(result.netCostPerPeriod, 5.1);
    } finally {
      mock.timers.reset();
    }
  });
});

describe('rules in force', () => {
  test('an explicit tax year that is not modelled still cannot be estimated (no silent substitution)', () => {
    const result = computeRelief({ ...seedGift, taxYear: 2027 }, { now: at('2027-01-02') });
    assert.equal(result.ok, false);
    assert.equal(result.ok === false && result.reason, 'unsupported-year');
  });

  test('GB switches tax year on 6 April', () => {
    const gift = { country: 'GB', donor: 'individual', amount: 10, frequency: 'monthly', profile: { marginalRate: 0.2 } };
    const before = estimate(computeRelief(gift, { now: at('2027-04-05') }));
    assert.equal(before.taxYear, 2026);
    assert.equal(before.rulesYear, 2026);
    assert.ok(!before.assumptions.includes('rules-year-carried-forward'));
    const after = estimate(computeRelief(gift, { now: at('2027-04-06') }));
    assert.equal(after.taxYear, 2027);
    assert.equal(after.rulesYear, 2026);
    assert.ok(after.assumptions.includes('rules-year-carried-forward'));
    assert.equal(after.charityReceivesPerYear, before.charityReceivesPerYear);
  });

  test('a gift date without a tax year gives the tax year it falls in', () => {
    const result = estimate(computeRelief({ country: 'GB', donor: 'individual', amount: 100, frequency: 'once', giftDate: '2026-02-01' }));
    assert.equal(result.taxYear, 2025);
    assert.equal(result.rulesYear, 2025);
  });

  test('a scheme known to end is not carried past its last year (PT: EBF art. 63, extended to 2025 only)', () => {
    const pt = { country: 'PT', donor: 'individual', amount: 100, frequency: 'once' };
    assert.equal(estimate(computeRelief(pt, { now: at('2025-06-01') })).rulesYear, 2025);
    const later = computeRelief(pt, { now: at('2027-01-02') });
    assert.equal(later.ok, false);
    assert.equal(later.ok === false && later.reason, 'unsupported-year');
    assert.match(later.ok === false ? later.message : '', /2025 rules are not carried forward: the EBF art\. 63 benefit/);
  });

  test('before the first modelled year there is no figure', () => {
    const result = computeRelief({ ...seedGift }, { now: at('2020-06-01') });
    assert.equal(result.ok === false && result.reason, 'unsupported-year');
  });

  test('every country but PT gives a figure for any date from 2027 on', () => {
    for (const day of ['2027-01-02', '2027-04-05', '2030-06-01']) {
      for (const m of allCountries) {
        const result = computeRelief(
          {
            country: m.country,
            donor: 'individual',
            amount: 100,
            frequency: 'once',
            ...(m.country === 'CA' && { profile: { province: 'ON' } }),
          },
          { now: at(day) },
        );
        if (m.country === 'PT') assert.equal(result.ok, false);
        else assert.equal(result.ok, true, `${m.country} on ${day}: ${result.ok ? '' : result.message}`);
      }
    }
  });
});

describe('every public case of the latest rules, without taxYear, after New Year', () => {
  const latest = cases.filter((c) => c.input.taxYear === latestYear(String(c.input.country)) && !c.input.giftDate);
  test('there are such cases', () => assert.ok(latest.length >= 20, `only ${latest.length}`));
  for (const day of ['2027-01-02', '2027-04-05', '2030-06-01']) {
    test(`${day}: each matches to the cent with the rules it names`, () => {
      for (const c of latest) {
        const { taxYear, ...input } = c.input;
        const country = String(c.input.country);
        const result = computeRelief(input, { now: at(day) });
        // PT's only rules (2025) end with its benefit: no figure after it, said as such.
        if (country === 'PT') {
          assert.equal(result.ok, false, c.id);
          continue;
        }
        const got = estimate(result);
        assert.equal(got.rulesYear, taxYear, c.id);
        assert.equal(got.taxYear, taxYearOn(country, at(day)), c.id);
        for (const [key, value] of Object.entries(c.expect)) {
          assert.equal((got as unknown as Record<string, unknown>)[key], value, `${c.id} ${key} on ${day}`);
        }
        assert.deepStrictEqual(computeTrustedRelief(allCountries, input as ReliefInput, { now: at(day) }), result, c.id);
      }
    });
  }
});
