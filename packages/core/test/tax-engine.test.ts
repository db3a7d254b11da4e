/**
 * Branch tests of the tax-relief rules engine: money helpers, validation, "cannot estimate"
 * results, and every ceiling, minimum, threshold, carry-forward and tax-year switch per country.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { computeReliefWith as engineComputeWith } from '../src/tax/engine.js';
import { fr as frOnly } from '../src/tax/countries/fr.js';
import {
  allCountries,
  bpsToRate,
  computeRelief,
  computeReliefWith,
  computeTrustedRelief,
  describeRate,
  currencyOf,
  divideMinor,
  divRound,
  FR_RULES,
  fr,
  gb,
  isSupported,
  mulRatio,
  parseReliefInput,
  percentOf,
  ppmOf,
  ppmToRate,
  rateToPpm,
  ReliefInputError,
  reliefInputSchema,
  roundHalfAwayFromZero,
  ruleFor,
  ruleForWith,
  supportedCountries,
  toMajor,
  toMinor,
  type ComputeOptions,
  type ReliefEstimate,
  type ReliefInput,
  type ReliefResult,
  type ReliefUnavailable,
} from '../src/tax/index.js';
import { minOf, nonNegative } from '../src/tax/money.js';

type Input = {
  country: string;
  taxYear: number;
  giftDate?: string;
  donor?: 'individual' | 'company';
  amount: number;
  frequency?: 'once' | 'monthly' | 'quarterly' | 'yearly';
  scheme?: string;
  profile?: Record<string, unknown>;
};

const input = (i: Input) => ({ donor: 'individual', frequency: 'once', ...i });

/**
 * computeRelief (validated with zod), checked against the zod-free computeTrustedRelief on the same
 * input: every branch test below also tests that path, which must agree to the last field.
 */
function compute(value: ReturnType<typeof input>, options?: ComputeOptions): ReliefResult {
  const validated = computeRelief(value, options);
  const trusted = computeTrustedRelief(allCountries, value as ReliefInput, options);
  assert.deepStrictEqual(trusted, validated, 'computeTrustedRelief gives what computeRelief gives');
  return validated;
}

/** Compute and assert an estimate. */
function est(i: Input): ReliefEstimate {
  const r = compute(input(i));
  assert.equal(r.ok, true, r.ok ? '' : `${r.reason}: ${r.message}`);
  return r as ReliefEstimate;
}

/** Compute and assert "cannot estimate". */
function no(i: Input, reason: ReliefUnavailable['reason']): ReliefUnavailable {
  const r = compute(input(i));
  assert.equal(r.ok, false, 'expected ok: false');
  const u = r as ReliefUnavailable;
  assert.equal(u.reason, reason, u.message);
  assert.ok(u.message.length > 10);
  return u;
}

const has = (e: ReliefEstimate, code: string) =>
  assert.ok(e.assumptions.includes(code), `assumption ${code} in ${e.assumptions.join(', ')}`);

describe('money', () => {
  test('divRound rounds half away from zero', () => {
    assert.equal(divRound(5n, 2n), 3n);
    assert.equal(divRound(-5n, 2n), -3n);
    assert.equal(divRound(7n, -2n), -4n);
    assert.equal(divRound(4n, 3n), 1n);
    assert.equal(divRound(-4n, 3n), -1n);
    assert.throws(() => divRound(1n, 0n), RangeError);
  });
  test('roundHalfAwayFromZero and toMinor remove float noise', () => {
    assert.equal(roundHalfAwayFromZero(2.5), 3);
    assert.equal(roundHalfAwayFromZero(-2.5), -3);
    assert.equal(roundHalfAwayFromZero(-2.4), -2);
    assert.equal(toMinor(1.005), 101);
    assert.equal(toMinor(42.5), 4250);
    assert.equal(toMinor(0.1 + 0.2), 30);
    assert.equal(toMinor(0.005), 1);
    assert.equal(toMajor(11232), 112.32);
    assert.throws(() => roundHalfAwayFromZero(Number.NaN), RangeError);
    assert.throws(() => roundHalfAwayFromZero(Infinity), RangeError);
  });
  test('rational products are exact', () => {
    assert.equal(mulRatio(25_000, 31, 69), 11_232);
    assert.equal(percentOf(18_000, 6600), 11_880);
    assert.equal(percentOf(3_500, 3000), 1_050);
    assert.equal(ppmOf(10_000, 443_100), 4_431);
    assert.equal(rateToPpm(0.4431), 443_100);
    assert.equal(bpsToRate(6600), 0.66);
    assert.equal(ppmToRate(375_600), 0.3756);
    assert.equal(divideMinor(6_120, 12), 510);
    assert.equal(divideMinor(20, 12), 2);
    assert.equal(minOf(3, 1, 2), 1);
    assert.equal(nonNegative(-4), 0);
    assert.equal(nonNegative(4), 4);
    // 35 − 23.1 in floats is 11.899999999999999; in cents it is exact.
    assert.equal(3_500 - percentOf(3_500, 6600), 1_190);
    // Products beyond 2^53 stay exact (BigInt).
    assert.equal(mulRatio(100_000_000_000, 9_999, 10_000), 99_990_000_000);
    assert.throws(() => mulRatio(1.5, 1, 2), RangeError);
    assert.throws(() => mulRatio(1, 1, 0), RangeError);
  });
});

describe('input validation', () => {
  test('a valid input parses, case-insensitively', () => {
    const p = parseReliefInput(input({ country: 'fr', taxYear: 2026, amount: 42.5, frequency: 'monthly' }));
    assert.equal(p.country, 'FR');
    assert.equal(p.amountMinor, 4250);
    assert.equal(p.annualMinor, 51_000);
    assert.equal(p.scheme, 'general');
    assert.equal(est({ country: 'fr', taxYear: 2026, amount: 42.5, frequency: 'monthly' }).reliefPerYear, 336.6);
    assert.equal(reliefInputSchema.safeParse(input({ country: 'FR', taxYear: 2026, amount: 1 })).success, true);
  });
  test('invalid inputs throw a ReliefInputError naming the field', () => {
    const bad: [unknown, RegExp][] = [
      [null, /input: input must be an object/],
      ['FR', /input must be an object/],
      [input({ country: 'FR', taxYear: 2026, amount: -1 }), /amount: amount must be ≥ 0/],
      [input({ country: 'FR', taxYear: 2026, amount: Number.NaN }), /amount must be a finite number/],
      [input({ country: 'FR', taxYear: 2026, amount: 2e9 }), /amount must be ≤/],
      [input({ country: 'FRA', taxYear: 2026, amount: 1 }), /country must be an ISO 3166-1 alpha-2 code/],
      [input({ country: 'FR', taxYear: 2026.5, amount: 1 }), /taxYear must be an integer year/],
      [input({ country: 'FR', taxYear: 26, amount: 1 }), /taxYear must be a 4-digit year/],
      [{ ...input({ country: 'FR', taxYear: 2026, amount: 1 }), frequency: 'weekly' }, /frequency must be one of/],
      [{ ...input({ country: 'FR', taxYear: 2026, amount: 1 }), donor: 'trust' }, /donor must be "individual" or "company"/],
      [input({ country: 'FR', taxYear: 2026, amount: 1, giftDate: '2026-02-30' }), /giftDate must be an ISO date/],
      [input({ country: 'FR', taxYear: 2026, amount: 1, scheme: 'Gift Aid' }), /scheme must be a lower-case id/],
      [input({ country: 'FR', taxYear: 2026, amount: 1, profile: { marginalRate: 41 } }), /profile\.marginalRate: .*between 0 and 1/],
      [input({ country: 'FR', taxYear: 2026, amount: 1, profile: { marginalrate: 0.41 } }), /profile: unknown key "marginalrate"/],
      [{ ...input({ country: 'FR', taxYear: 2026, amount: 1 }), currency: 'EUR' }, /input: unknown key "currency"/],
      [input({ country: 'FR', taxYear: 2026, amount: 1, profile: { option: 'both' } }), /profile.option must be/],
      [input({ country: 'FR', taxYear: 2026, amount: 1, profile: { filing: 'joint' } }), /profile.filing must be/],
      [input({ country: 'FR', taxYear: 2026, amount: 1, profile: { province: 'Ontario' } }), /profile.province must be two letters/],
      [input({ country: 'FR', taxYear: 2026, amount: 1, profile: { recurring: 'yes' } }), /profile.recurring must be true or false/],
      [input({ country: 'FR', taxYear: 2026, amount: 1, profile: 'x' as unknown as Record<string, unknown> }), /profile must be an object/],
      [input({ country: 'FR', taxYear: 2025, amount: 1, giftDate: '2026-01-02' }), /outside tax year 2025/],
      [input({ country: 'GB', taxYear: 2025, amount: 1, giftDate: '2025-04-05' }), /outside tax year 2025 \(2025-04-06 to 2026-04-05\)/],
    ];
    for (const [value, message] of bad) {
      assert.throws(
        () => computeRelief(value),
        (err: unknown) => {
          assert.ok(err instanceof ReliefInputError, 'ReliefInputError');
          assert.ok(err instanceof TypeError);
          assert.equal(err.name, 'ReliefInputError');
          assert.match(err.message, message);
          assert.ok(err.issues.length >= 1);
          return true;
        },
      );
    }
  });
  test('a GB gift date in the next calendar year belongs to the April tax year', () => {
    assert.equal(
      est({ country: 'GB', taxYear: 2025, amount: 10, giftDate: '2026-04-05', profile: { marginalRate: 0.2 } }).giftAidUpliftPerYear,
      2.5,
    );
  });
});

describe('cannot estimate: never an invented figure', () => {
  test('unknown country', () => {
    const u = no({ country: 'JP', taxYear: 2026, amount: 100 }, 'unsupported-country');
    assert.equal(u.country, 'JP');
    assert.equal(u.taxYear, 2026);
    assert.equal('reliefPerYear' in u, false);
    no({ country: 'XX', taxYear: 2026, amount: 100 }, 'unsupported-country');
  });
  test('unknown tax year', () => {
    assert.match(no({ country: 'FR', taxYear: 2024, amount: 100 }, 'unsupported-year').message, /2025, 2026/);
    no({ country: 'US', taxYear: 2027, amount: 100 }, 'unsupported-year');
    no({ country: 'GB', taxYear: 2024, amount: 100 }, 'unsupported-year');
    // PT: the EBF art. 63 extension into 2026 is not verified.
    no({ country: 'PT', taxYear: 2026, amount: 100 }, 'unsupported-year');
  });
  test('unknown scheme', () => {
    for (const country of ['FR', 'GB', 'IE', 'BE', 'ES', 'IT', 'NL', 'DE', 'CH', 'CA', 'US', 'PT', 'LU', 'AT']) {
      no({ country, taxYear: 2025, amount: 100, scheme: 'chambord' }, 'unsupported-scheme');
    }
    no({ country: 'FR', taxYear: 2026, amount: 100, donor: 'company', scheme: 'ifi' }, 'unsupported-scheme');
    no({ country: 'GB', taxYear: 2026, amount: 100, donor: 'company', scheme: 'gift-aid' }, 'unsupported-scheme');
  });
  test('company donors where the rule is not verified', () => {
    for (const country of ['BE', 'IT', 'NL', 'DE', 'CH', 'CA', 'US', 'PT', 'LU', 'AT']) {
      no({ country, taxYear: 2025, amount: 100, donor: 'company' }, 'unsupported-donor');
    }
  });
  test('unknown CA province', () => {
    no({ country: 'CA', taxYear: 2026, amount: 500, profile: { province: 'MB' } }, 'unsupported-region');
  });
  test('allowPartial: false turns a missing fact into missing-profile', () => {
    const de03 = input({ country: 'DE', taxYear: 2026, amount: 12000, profile: { totalIncome: 50000 } });
    const partial = compute(de03);
    assert.equal(partial.ok, true);
    const strict = compute(de03, { allowPartial: false });
    assert.equal(strict.ok, false);
    assert.equal((strict as ReliefUnavailable).reason, 'missing-profile');
    assert.deepEqual((strict as ReliefUnavailable).missing, ['marginalRate']);
    assert.equal(compute(input({ country: 'FR', taxYear: 2026, amount: 10 }), { allowPartial: false }).ok, true);
  });
});

describe('the zod-free path (computeTrustedRelief)', () => {
  /** Runtime imports of a source module and of everything it imports (type-only imports are erased). */
  function runtimeImports(file: URL, seen = new Set<string>()): Set<string> {
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
      if (!specifier!.startsWith('.')) {
        seen.add(specifier!);
        continue;
      }
      const target = new URL(specifier!.replace(/\.js$/, '.ts'), file);
      if (seen.has(target.href)) continue;
      seen.add(target.href);
      runtimeImports(target, seen);
    }
    return seen;
  }

  test('compute.ts loads no zod and no schema, engine.ts does', () => {
    const trusted = [...runtimeImports(new URL('../src/tax/compute.ts', import.meta.url))];
    assert.ok(
      trusted.some((href) => href.endsWith('/tax/money.ts')),
      trusted.join(', '),
    );
    assert.deepEqual(
      trusted.filter((href) => /zod|schema\.ts$/.test(href)),
      [],
    );
    // The check itself finds zod where it is.
    assert.ok([...runtimeImports(new URL('../src/tax/engine.ts', import.meta.url))].includes('zod/mini'));
  });

  test('one country module alone, as a browser chunk uses it', () => {
    const value = input({ country: 'fr', taxYear: 2026, amount: 15, frequency: 'monthly' }) as ReliefInput;
    const r = computeTrustedRelief(frOnly, value);
    assert.deepStrictEqual(r, engineComputeWith(frOnly, value));
    assert.equal(r.ok && r.netCostPerPeriod, 5.1);
    assert.equal(computeTrustedRelief(frOnly, { ...value, country: 'DE' }).ok, false);
  });

  test('normalises without modifying the input', () => {
    const value = input({ country: 'ca', taxYear: 2026, amount: 500, profile: { province: 'on', taxableIncome: 80_000 } }) as ReliefInput;
    const copy = structuredClone(value);
    const r = computeTrustedRelief(allCountries, value);
    assert.deepStrictEqual(value, copy);
    assert.deepStrictEqual(r, computeRelief(value));
    assert.equal(r.ok && r.country, 'CA');
  });

  test('a gift date outside the tax year is still refused', () => {
    const value = input({ country: 'GB', taxYear: 2025, amount: 1, giftDate: '2025-04-05' }) as ReliefInput;
    assert.throws(
      () => computeTrustedRelief(gb, value),
      (err: unknown) => err instanceof ReliefInputError && /outside tax year 2025/.test(err.message),
    );
  });
});

describe('registry and per-country modules', () => {
  test('supportedCountries lists 14 countries with currencies and years', () => {
    assert.equal(supportedCountries.length, 14);
    assert.equal(allCountries.length, 14);
    const byCode = Object.fromEntries(supportedCountries.map((c) => [c.country, c]));
    assert.equal(byCode.GB!.currency, 'GBP');
    assert.equal(byCode.CH!.currency, 'CHF');
    assert.equal(byCode.CA!.currency, 'CAD');
    assert.equal(byCode.US!.currency, 'USD');
    assert.equal(byCode.FR!.currency, 'EUR');
    assert.deepEqual(byCode.PT!.taxYears, [2025]);
    assert.deepEqual(byCode.BE!.taxYears, [2024, 2025, 2026]);
    assert.deepEqual(byCode.FR!.schemes, ['general', 'aid-to-people-in-difficulty', 'ifi']);
  });
  test('ruleFor returns the year table or undefined', () => {
    assert.equal(ruleFor('fr', 2026), FR_RULES[2026]);
    assert.equal(ruleFor('FR', 2024), undefined);
    assert.equal(ruleFor('JP', 2026), undefined);
    assert.equal(ruleForWith(fr, 'FR', 2025), FR_RULES[2025]);
    assert.equal(isSupported('BE', 2024), true);
    assert.equal(isSupported('PT', 2026), false);
  });
  test('one country module works alone', () => {
    const r = engineComputeWith(frOnly, input({ country: 'FR', taxYear: 2026, amount: 15, frequency: 'monthly' }));
    assert.equal(r.ok && r.netCostPerPeriod, 5.1);
    const other = computeReliefWith([frOnly, gb], input({ country: 'DE', taxYear: 2026, amount: 15 }));
    assert.equal(other.ok, false);
    assert.equal((other as ReliefUnavailable).reason, 'unsupported-country');
  });
  test('every country gives a sourced rule and consistent figures', () => {
    for (const c of supportedCountries) {
      for (const taxYear of c.taxYears) {
        const e = est({ country: c.country, taxYear, amount: 1000, profile: { marginalRate: 0.3, province: 'ON' } });
        assert.equal(e.currency, c.currency);
        assert.equal(e.rule.country, c.country);
        assert.equal(e.rule.taxYear, taxYear);
        assert.match(e.rule.id, new RegExp(`^${c.country}-${taxYear}-`));
        assert.ok(e.rule.source.length > 10 && e.rule.name.length > 3 && e.rule.ceiling.length > 3);
        assert.equal(e.refundable, false);
        assert.equal(e.complete, true);
        assert.equal(e.notes.length, e.assumptions.length);
        assert.ok(e.notes.every((n) => n.text.length > 10));
        if (e.reliefPerYear !== null) assert.equal(e.netCostPerYear, toMajor(e.minor.annualGift - e.minor.reliefPerYear!));
      }
    }
  });
  test('describeRate', () => {
    assert.match(describeRate(0.66, 'fr-FR'), /^66[\u00a0\u202f]%$/u);
    assert.equal(describeRate(0.3756), '37.56%');
    assert.equal(describeRate(est({ country: 'BE', taxYear: 2025, amount: 100 }).rule.rate!, 'en'), '30%');
  });
});

describe('FR', () => {
  const FR = (amount: number, extra: Partial<Input> = {}) => est({ country: 'FR', taxYear: 2026, amount, ...extra });
  test('66 % within 20 % of taxable income, excess carried forward 5 years', () => {
    const e = FR(5000, { profile: { taxableIncome: 20000 } });
    assert.equal(e.reliefPerYear, 2640);
    assert.equal(e.carryForward, 1000);
    assert.equal(e.carryForwardYears, 5);
    assert.equal(e.rule.rate, 0.66);
    assert.equal(e.effectiveRate, 0.528);
    assert.equal(e.assumptions.includes('no-income-ceiling-applied'), false);
    has(FR(100), 'no-income-ceiling-applied');
  });
  test('relief limited to the income tax due; zero for a non-taxpayer', () => {
    const e = FR(100, { profile: { incomeTaxDue: 50 } });
    assert.equal(e.reliefPerYear, 50);
    has(e, 'relief-limited-to-tax-due');
    assert.equal(FR(100, { profile: { incomeTaxDue: 500 } }).reliefPerYear, 66);
    const n = FR(100, { profile: { taxpayer: false } });
    assert.equal(n.reliefPerYear, 0);
    assert.equal(n.netCostPerYear, 100);
    has(n, 'not-a-taxpayer');
  });
  test('a zero gift gives zero, and no effective rate', () => {
    const e = FR(0);
    assert.equal(e.reliefPerYear, 0);
    assert.equal(e.effectiveRate, null);
  });
  test('net cost per period is rounded half away from zero', () => {
    const e = FR(0.05, { frequency: 'monthly' });
    assert.deepEqual([e.minor.annualGift, e.minor.reliefPerYear, e.minor.netCostPerYear, e.minor.netCostPerPeriod], [60, 40, 20, 2]);
  });
  const AID = 'aid-to-people-in-difficulty';
  test('75 % up to 2 000 € in 2026, the rest at 66 %', () => {
    const e = FR(3000, { scheme: AID });
    assert.equal(e.reliefPerYear, 2160);
    assert.equal(e.rule.rate, 0.75);
    assert.deepEqual(e.rule.tiers, [
      { upTo: 2000, rate: 0.75 },
      { upTo: null, rate: 0.66 },
    ]);
    has(e, 'fr-75-ceiling-exceeded');
    assert.equal(FR(1000, { scheme: AID }).reliefPerYear, 750);
  });
  test('gifts within the 75 % ceiling are not counted in the 20 % limit', () => {
    const e = FR(3000, { scheme: AID, profile: { taxableIncome: 2000 } });
    assert.equal(e.reliefPerYear, 1500 + 264);
    assert.equal(e.carryForward, 600);
  });
  test('2025: 1 000 € ceiling before 14 Oct 2025, 2 000 € from that date', () => {
    const before = est({ country: 'FR', taxYear: 2025, amount: 3000, scheme: AID, giftDate: '2025-10-13' });
    assert.equal(before.reliefPerYear, 750 + 1320);
    has(before, 'fr-75-ceiling-by-date');
    assert.equal(before.rule.confidence, 'M');
    const from = est({ country: 'FR', taxYear: 2025, amount: 3000, scheme: AID, giftDate: '2025-10-14' });
    assert.equal(from.reliefPerYear, 1500 + 660);
    const unknown = est({ country: 'FR', taxYear: 2025, amount: 3000, scheme: AID });
    assert.equal(unknown.reliefPerYear, 2070, 'without a date the lower ceiling applies');
    has(unknown, 'gift-date-unknown');
  });
  test('2025 regular gifts are split by payment date', () => {
    // 200 €/month on the 1st: Jan–Oct (2 000 €) before 14 Oct → 1 000 € at 75 %; Nov–Dec 400 € at 75 %.
    const first = est({ country: 'FR', taxYear: 2025, amount: 200, frequency: 'monthly', scheme: AID });
    assert.equal(first.reliefPerYear, 1050 + 660);
    has(first, 'payment-day-assumed');
    // Paid on the 20th: the October payment is after 14 Oct.
    const twentieth = est({ country: 'FR', taxYear: 2025, amount: 200, frequency: 'monthly', scheme: AID, giftDate: '2025-01-20' });
    assert.equal(twentieth.reliefPerYear, 1200 + 528);
    has(twentieth, 'payment-schedule-assumed');
    // Quarterly from 15 Feb: Feb, May, Aug before; Nov after.
    const quarterly = est({ country: 'FR', taxYear: 2025, amount: 500, frequency: 'quarterly', scheme: AID, giftDate: '2025-02-15' });
    assert.equal(quarterly.reliefPerYear, 1125 + 330);
    // Mixed dates never exceed 2 000 € at 75 %.
    const big = est({ country: 'FR', taxYear: 2025, amount: 1000, frequency: 'monthly', scheme: AID });
    assert.equal(big.minor.reliefPerYear, percentOf(100_000 + 200_000, 7500) - percentOf(100_000, 7500) + percentOf(1_000_000, 6600));
  });
  test('IFI: 75 % up to 50 000 € and the IFI due', () => {
    assert.equal(FR(10000, { scheme: 'ifi' }).reliefPerYear, 7500);
    const capped = FR(100000, { scheme: 'ifi' });
    assert.equal(capped.reliefPerYear, 50000);
    has(capped, 'ifi-cap-reached');
    assert.equal(FR(10000, { scheme: 'ifi', profile: { ifiDue: 3000 } }).reliefPerYear, 3000);
  });
  test('companies: 60 % / 40 % above 2 M€, ceiling max(20 000 €, 0.5 % of turnover)', () => {
    const noTurnover = FR(10000, { donor: 'company' });
    assert.equal(noTurnover.reliefPerYear, 6000);
    has(noTurnover, 'no-turnover-ceiling-applied');
    const floor = FR(30000, { donor: 'company', profile: { turnover: 1_000_000 } });
    assert.equal(floor.reliefPerYear, 12000);
    assert.equal(floor.carryForward, 10000);
    assert.equal(floor.carryForwardYears, 5);
    assert.equal(FR(3_000_000, { donor: 'company', profile: { turnover: 1_000_000_000 } }).reliefPerYear, 1_600_000);
    const aid = FR(3_000_000, { donor: 'company', scheme: AID, profile: { turnover: 1_000_000_000 } });
    assert.equal(aid.reliefPerYear, 1_800_000);
    assert.equal(aid.rule.id, 'FR-2026-company-aid-to-people-in-difficulty');
  });
});

describe('GB', () => {
  const GB = (amount: number, profile: Record<string, unknown> = {}, extra: Partial<Input> = {}) =>
    est({ country: 'GB', taxYear: 2025, amount, scheme: 'gift-aid', profile, ...extra });
  test('Scottish rates: intermediate 21 % reclaims 1 % of gross; starter 19 % nothing', () => {
    assert.equal(GB(100, { marginalRate: 0.21 }).reliefPerYear, 1.25);
    assert.equal(GB(100, { marginalRate: 0.19 }).reliefPerYear, 0);
    assert.equal(GB(100, { marginalRate: 0.48 }).reliefPerYear, 35);
  });
  test('a non-taxpayer cannot use Gift Aid', () => {
    const e = GB(10, { taxpayer: false });
    assert.equal(e.giftAidUpliftPerYear, 0);
    assert.equal(e.charityReceivesPerYear, 10);
    assert.equal(e.reliefPerYear, 0);
    has(e, 'gift-aid-needs-taxpayer');
  });
  test('without the rate: charity figures, no relief figure', () => {
    const e = GB(10, {}, { scheme: undefined });
    assert.equal(e.scheme, 'gift-aid');
    assert.equal(e.charityReceivesPerYear, 12.5);
    assert.equal(e.reliefPerYear, null);
    assert.equal(e.netCostPerYear, null);
    assert.equal(e.netCostPerPeriod, null);
    assert.equal(e.effectiveRate, null);
    assert.equal(e.complete, false);
    assert.deepEqual(e.missing, ['marginalRate']);
  });
  test('tax paid below the Gift Aid claimed is flagged', () => {
    has(GB(100, { marginalRate: 0.2, incomeTaxDue: 10 }), 'gift-aid-exceeds-tax-paid');
    assert.equal(GB(100, { marginalRate: 0.2, incomeTaxDue: 100 }).assumptions.includes('gift-aid-exceeds-tax-paid'), false);
  });
  test('2026/27 is modelled', () => {
    assert.equal(GB(100, { marginalRate: 0.4 }, { taxYear: 2026 }).reliefPerYear, 25);
  });
  test('companies deduct at their corporation-tax rate', () => {
    const e = GB(100, { corporationTaxRate: 0.25 }, { donor: 'company', scheme: undefined });
    assert.equal(e.reliefPerYear, 25);
    assert.equal(e.giftAidUpliftPerYear, undefined);
    const missing = GB(100, {}, { donor: 'company', scheme: undefined });
    assert.equal(missing.reliefPerYear, null);
    assert.deepEqual(missing.missing, ['corporationTaxRate']);
    assert.equal(GB(100, { taxpayer: false }, { donor: 'company', scheme: undefined }).reliefPerYear, 0);
  });
});

describe('IE', () => {
  const IE = (amount: number, profile: Record<string, unknown> = {}, extra: Partial<Input> = {}) =>
    est({ country: 'IE', taxYear: 2026, amount, profile, ...extra });
  test('refund limited to the tax paid, nothing without tax, €1 M maximum', () => {
    const capped = IE(250, { incomeTaxDue: 100 });
    assert.equal(capped.charityRefundPerYear, 100);
    has(capped, 'refund-limited-to-tax-paid');
    assert.equal(IE(250, { taxpayer: false }).charityRefundPerYear, 0);
    assert.equal(IE(2_000_000).charityRefundPerYear, 449_275.36);
    assert.equal(IE(250, {}, { taxYear: 2025 }).charityRefundPerYear, 112.32);
  });
  test('companies: trading-expense deduction, default 12.5 %', () => {
    const e = IE(1000, {}, { donor: 'company' });
    assert.equal(e.reliefPerYear, 125);
    assert.equal(e.netCostPerYear, 875);
    has(e, 'trading-rate-assumed');
    assert.equal(IE(1000, { corporationTaxRate: 0.25 }, { donor: 'company' }).reliefPerYear, 250);
    const small = IE(200, {}, { donor: 'company' });
    assert.equal(small.reliefPerYear, 0);
    assert.equal(small.deductibleAmount, 0);
    has(small, 'below-minimum');
  });
});

describe('BE', () => {
  const BE = (taxYear: number, amount: number, profile: Record<string, unknown> = {}) => est({ country: 'BE', taxYear, amount, profile });
  test('45 % for gifts in 2024, 30 % from 2025', () => {
    assert.equal(BE(2024, 100).reliefPerYear, 45);
    assert.equal(BE(2024, 100).rule.rate, 0.45);
    assert.equal(BE(2025, 100).reliefPerYear, 30);
    assert.equal(BE(2026, 100).reliefPerYear, 30);
    assert.equal(BE(2026, 100).rule.confidence, 'M');
  });
  test('ceilings: 10 % of net income and €408 130; reduction ≤ tax', () => {
    assert.equal(BE(2025, 1000, { netIncome: 5000 }).reliefPerYear, 150);
    assert.equal(BE(2025, 500_000).reliefPerYear, 122_439);
    assert.equal(BE(2025, 1000, { incomeTaxDue: 100 }).reliefPerYear, 100);
    has(BE(2025, 39.99), 'below-minimum');
  });
});

describe('ES', () => {
  const ES = (amount: number, profile: Record<string, unknown> = {}, extra: Partial<Input> = {}) =>
    est({ country: 'ES', taxYear: 2025, amount, profile, ...extra });
  test('45 % on the rest after 2 recurring years (537.50 € on 1 000 €)', () => {
    assert.equal(ES(1000, { recurring: true }).reliefPerYear, 537.5);
    assert.deepEqual(ES(1000, { recurring: true }).rule.tiers, [
      { upTo: 250, rate: 0.8 },
      { upTo: null, rate: 0.45 },
    ]);
    has(ES(1000), 'not-recurring-assumed');
    assert.equal(ES(200).assumptions.includes('not-recurring-assumed'), false);
  });
  test('base ≤ 10 % of the base liquidable', () => {
    assert.equal(ES(1000, { taxableIncome: 5000 }).reliefPerYear, 300);
  });
  test('companies: 40 % / 50 %, 15 % of the taxable base, 10-year carry-forward', () => {
    assert.equal(ES(1000, {}, { donor: 'company' }).reliefPerYear, 400);
    assert.equal(ES(1000, { recurring: true }, { donor: 'company' }).reliefPerYear, 500);
    const capped = ES(1000, { taxableIncome: 2000 }, { donor: 'company' });
    assert.equal(capped.reliefPerYear, 120);
    assert.equal(capped.carryForward, 700);
    assert.equal(capped.carryForwardYears, 10);
  });
});

describe('IT', () => {
  const IT = (amount: number, profile: Record<string, unknown> = {}, extra: Partial<Input> = {}) =>
    est({ country: 'IT', taxYear: 2026, amount, profile, ...extra });
  test('art. 16-ter cap above 75 000 € of income', () => {
    assert.equal(IT(20000, { income: 90000 }).reliefPerYear, 4200);
    has(IT(20000, { income: 90000 }), 'it-16ter-cap');
    assert.equal(IT(20000, { income: 150000 }).reliefPerYear, 2400);
    assert.equal(IT(20000, { income: 75000 }).reliefPerYear, 6000);
    assert.equal(IT(40000, {}, { scheme: 'odv' }).reliefPerYear, 10500);
    has(IT(100), 'detrazione-assumed');
    has(IT(100), 'income-not-given');
    assert.equal(IT(100, { incomeTaxDue: 10 }).reliefPerYear, 10);
  });
  test('deduzione: 10 % of income, 4-year carry-forward, at the marginal rate', () => {
    const e = IT(8000, { option: 'deduzione', income: 50000, marginalRate: 0.35 });
    assert.equal(e.deductibleThisYear, 5000);
    assert.equal(e.reliefPerYear, 1750);
    assert.equal(e.carryForward, 3000);
    assert.equal(e.carryForwardYears, 4);
    assert.equal(e.rule.rate, null);
    const noRate = IT(8000, { option: 'deduzione' }, { scheme: 'odv' });
    assert.equal(noRate.reliefPerYear, null);
    assert.equal(noRate.deductibleAmount, 8000);
    has(noRate, 'no-income-ceiling-applied');
  });
});

describe('NL', () => {
  const NL = (taxYear: number, amount: number, scheme: string, profile: Record<string, unknown> = {}) =>
    est({ country: 'NL', taxYear, amount, scheme, profile });
  test('deduction worth at most 37.48 % (2025) / 37.56 % (2026)', () => {
    const y2025 = NL(2025, 1000, 'periodic', { marginalRate: 0.495 });
    assert.equal(y2025.reliefPerYear, 374.8);
    has(y2025, 'marginal-rate-capped');
    assert.equal(NL(2026, 1000, 'periodic', { marginalRate: 0.495 }).reliefPerYear, 375.6);
    assert.equal(NL(2026, 1000, 'periodic', { marginalRate: 0.357 }).reliefPerYear, 357);
  });
  test('ordinary gifts: threshold 1 % (min €60), maximum 10 % of threshold income', () => {
    const noIncome = NL(2026, 100, 'ordinary', { marginalRate: 0.3756 });
    assert.equal(noIncome.deductibleAmount, 40);
    has(noIncome, 'threshold-income-not-given');
    assert.equal(NL(2026, 5000, 'ordinary', { thresholdIncome: 10000 }).deductibleAmount, 1000);
    const general = NL(2026, 100, 'general', { marginalRate: 0.3756 });
    assert.equal(general.scheme, 'ordinary');
    has(general, 'ordinary-gift-assumed');
  });
});

describe('DE', () => {
  const DE = (amount: number, profile: Record<string, unknown> = {}, taxYear = 2026) => est({ country: 'DE', taxYear, amount, profile });
  test('36 € / 72 € flat allowance', () => {
    assert.equal(DE(50, { marginalRate: 0.3, otherSpecialExpenses: 0 }).reliefPerYear, 4.2);
    const joint = DE(50, { marginalRate: 0.3, otherSpecialExpenses: 0, filing: 'married-joint' });
    assert.equal(joint.reliefPerYear, 0);
    has(joint, 'pauschbetrag-absorbs');
    const unknown = DE(50, { marginalRate: 0.3 });
    assert.equal(unknown.reliefPerYear, 15);
    has(unknown, 'pauschbetrag-used');
  });
  test('20 % ceiling, carried forward without limit', () => {
    const e = DE(12000, { totalIncome: 50000, marginalRate: 0.42, otherSpecialExpenses: 100 }, 2025);
    assert.equal(e.deductibleThisYear, 10000);
    assert.equal(e.reliefPerYear, 4200);
    assert.equal(e.carryForward, 2000);
    assert.equal(e.carryForwardYears, null);
  });
});

describe('CH, LU, AT', () => {
  test('CH: 20 % of net income, not carried forward; relief at the marginal rate', () => {
    const e = est({ country: 'CH', taxYear: 2025, amount: 20000, profile: { netIncome: 80000, marginalRate: 0.3 } });
    assert.equal(e.deductibleAmount, 16000);
    assert.equal(e.reliefPerYear, 4800);
    assert.equal(e.currency, 'CHF');
    has(e, 'excess-lost');
    has(est({ country: 'CH', taxYear: 2026, amount: 500 }), 'no-income-ceiling-applied');
  });
  test('LU: 20 % of net income or €1 M', () => {
    assert.equal(est({ country: 'LU', taxYear: 2026, amount: 2_000_000, profile: { marginalRate: 0.42 } }).reliefPerYear, 420_000);
    assert.equal(est({ country: 'LU', taxYear: 2025, amount: 5000, profile: { netIncome: 10000 } }).deductibleAmount, 2000);
    has(est({ country: 'LU', taxYear: 2026, amount: 100 }), 'below-minimum');
  });
  test('AT: 10 % of total income', () => {
    const e = est({ country: 'AT', taxYear: 2026, amount: 2000, profile: { totalIncome: 10000, marginalRate: 0.4 } });
    assert.equal(e.deductibleAmount, 1000);
    assert.equal(e.reliefPerYear, 400);
    has(e, 'donor-identified');
    has(est({ country: 'AT', taxYear: 2025, amount: 100, profile: { marginalRate: 0.4 } }), 'no-income-ceiling-applied');
    assert.equal(est({ country: 'AT', taxYear: 2026, amount: 100, profile: { marginalRate: 0.4, taxpayer: false } }).reliefPerYear, 0);
  });
  test('PT: 15 % of the coleta; nothing without tax', () => {
    has(est({ country: 'PT', taxYear: 2025, amount: 100 }), 'coleta-not-given');
    assert.equal(est({ country: 'PT', taxYear: 2025, amount: 100, profile: { taxpayer: false } }).reliefPerYear, 0);
  });
});

describe('CA', () => {
  const CA = (taxYear: number, amount: number, profile: Record<string, unknown> = {}) => est({ country: 'CA', taxYear, amount, profile });
  test('first $200: 14.5 % in 2025, 14 % in 2026', () => {
    assert.equal(CA(2025, 200, { federalOnly: true }).federalCredit, 29);
    assert.equal(CA(2026, 200, { federalOnly: true }).federalCredit, 28);
    assert.equal(CA(2026, 200, { federalOnly: true }).rule.rate, 0.14);
    has(CA(2026, 200, { federalOnly: true }), 'federal-only');
  });
  test('provinces as data; unknown province → no total', () => {
    const ab = CA(2026, 500, { province: 'ab', taxableIncome: 80000 });
    assert.equal(ab.provincialCredit, 183);
    assert.equal(ab.reliefPerYear, 115 + 183);
    has(CA(2026, 500, { province: 'QC' }), 'provincial-top-rate-not-applied');
    const none = CA(2026, 500);
    assert.equal(none.federalCredit, 115);
    assert.equal(none.provincialCredit, null);
    assert.equal(none.reliefPerYear, null);
    assert.deepEqual(none.missing, ['province']);
    has(none, 'top-rate-not-applied');
  });
  test('75 % of income ceiling with 5-year carry-forward; non-taxpayer gets nothing', () => {
    const e = CA(2026, 2000, { taxableIncome: 1000, federalOnly: true });
    assert.equal(e.federalCredit, 187.5); // 14 % × 200 + 29 % × 550
    assert.equal(e.carryForward, 1250);
    assert.equal(e.carryForwardYears, 5);
    const n = CA(2026, 500, { province: 'ON', taxpayer: false });
    assert.equal(n.federalCredit, 0);
    assert.equal(n.provincialCredit, 0);
    assert.equal(n.reliefPerYear, 0);
    assert.equal(CA(2026, 500, { taxpayer: false }).provincialCredit, null);
  });
});

describe('US', () => {
  const US = (taxYear: number, amount: number, profile: Record<string, unknown> = {}) => est({ country: 'US', taxYear, amount, profile });
  test('2025: non-itemizers get nothing; itemizers up to 60 % of AGI', () => {
    const non = US(2025, 1500, { itemizes: false, marginalRate: 0.22 });
    assert.equal(non.reliefPerYear, 0);
    has(non, 'no-relief-for-non-itemizers');
    const item = US(2025, 70000, { itemizes: true, agi: 100000, marginalRate: 0.24 });
    assert.equal(item.reliefPerYear, 14400);
    assert.equal(item.carryForward, 10000);
    assert.equal(item.deductibleThisYear, 60000);
  });
  test('2026: non-itemizer $1 000 / $2 000; itemizers 0.5 % floor and 35 % cap', () => {
    const single = US(2026, 1500, { marginalRate: 0.22 });
    assert.equal(single.reliefPerYear, 220);
    has(single, 'non-itemizer-assumed');
    has(single, 'filing-single-assumed');
    has(single, 'non-itemizer-cap');
    assert.equal(US(2026, 1500, { itemizes: false, filing: 'married-joint', marginalRate: 0.37 }).reliefPerYear, 555);
    const top = US(2026, 5000, { itemizes: true, marginalRate: 0.37 });
    assert.equal(top.reliefPerYear, 1750);
    has(top, 'marginal-rate-capped');
    has(top, 'no-income-ceiling-applied');
    has(US(2026, 5000, { itemizes: true, agi: 200000, marginalRate: 0.32 }), 'agi-floor');
    assert.equal(US(2026, 500, { itemizes: true, agi: 200000, marginalRate: 0.32 }).reliefPerYear, 0);
    const noRate = US(2026, 500);
    assert.equal(noRate.reliefPerYear, null);
    has(noRate, 'marginal-rate-unknown');
  });
});

describe('what a page knows of a country: its currency before the rules load, its income key with them', () => {
  test("currencyOf is each country module's currency; a country not modelled has none", () => {
    for (const module of allCountries) assert.equal(currencyOf(module.country), module.currency, module.country);
    assert.equal(currencyOf('SE'), undefined);
    assert.equal(currencyOf('toString'), undefined);
  });

  test('the income key is the income the engine caps the relief with', () => {
    const profile = { marginalRate: 0.4, itemizes: true, filing: 'single', province: 'ON', option: 'deduzione' };
    const withKey = allCountries.filter((module) => module.incomeKey).map((module) => module.country);
    assert.deepEqual(withKey.sort(), ['AT', 'BE', 'CA', 'CH', 'DE', 'ES', 'FR', 'IT', 'LU', 'NL', 'US']);
    for (const { country, incomeKey: key } of allCountries) {
      if (!key) continue;
      const input = { country, taxYear: 2026, donor: 'individual', amount: 50_000, frequency: 'once' };
      const without = computeRelief({ ...input, profile });
      const withIncome = computeRelief({ ...input, profile: { ...profile, [key]: 20_000 } });
      assert.ok(without.ok && withIncome.ok, country);
      assert.ok(withIncome.reliefPerYear! < without.reliefPerYear!, `${country}: ${key} lowers the relief of a large gift`);
    }
  });
});
