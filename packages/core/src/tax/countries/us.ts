/**
 * United States (federal only): charitable deduction, IRC § 170, as amended by OBBBA (2026).
 * @module
 */

import { amt, atMarginalRate, unsupportedDonor, unsupportedScheme } from '../helpers.js';
import { minOf, nonNegative, percentOf } from '../money.js';
import { currencies } from '../country-facts.js';
import type { CalcContext, Confidence, CountryModule, CountryOutcome, MoneyProfileKey } from '../types.js';

/** The income the ceiling is computed on (the module's `incomeKey`). */
const INCOME_KEY = 'agi' satisfies MoneyProfileKey;

/** One tax year of US federal rules. Amounts in cents, rates in basis points. */
export interface UsYearRules {
  readonly itemizer: {
    /** Cash to public charities ≤ this share of AGI. */
    readonly agiCapBps: number;
    /** Only gifts above this share of AGI are deductible (0 = none). */
    readonly agiFloorBps: number;
    /** Itemized deductions worth at most this rate (`null` = marginal rate). */
    readonly rateCapBps: number | null;
    readonly carryForwardYears: number;
  };
  /** § 170(p) deduction for non-itemizers; `null` = none that year. */
  readonly nonItemizer: { readonly singleMinor: number; readonly jointMinor: number } | null;
  readonly source: string;
  readonly confidence: Confidence;
}

/** US federal rules by tax year. */
export const US_RULES: Readonly<Record<number, UsYearRules>> = {
  2025: {
    // Itemizers only; cash to public charities ≤ 60 % of AGI (made permanent): caresfuture.org; howitssupposedtowork.org — H
    // 5-year carryover of the excess: IRC § 170(d)(1) (general knowledge, not in tax-rules.md) — M
    itemizer: { agiCapBps: 6000, agiFloorBps: 0, rateCapBps: null, carryForwardYears: 5 },
    nonItemizer: null, // non-itemizers: nothing — H
    source: 'IRC § 170 (60 % of AGI limit); caresfuture.org; howitssupposedtowork.org',
    confidence: 'H',
  },
  2026: {
    // 0.5 %-of-AGI floor; worth at most 35 % in the 37 % bracket: kindredcpa.com; cfjc.org (Dec 2025) — H
    itemizer: { agiCapBps: 6000, agiFloorBps: 50, rateCapBps: 3500, carryForwardYears: 5 },
    // § 170(p): $1 000 single / $2 000 married filing jointly, cash to public charities (not DAFs):
    // charitywatch.org (Jul 2025); empower.com (Aug 2025); caresfuture.org — H
    nonItemizer: { singleMinor: 100_000, jointMinor: 200_000 },
    source:
      'IRC § 170 as amended by Pub. L. 119-21 (OBBBA, 4 Jul 2025): § 170(p) non-itemizer deduction, 0.5 % AGI floor, 35 % cap; charitywatch.org (Jul 2025); empower.com (Aug 2025); kindredcpa.com; cfjc.org (Dec 2025)',
    confidence: 'H',
  },
};

function nonItemizer(ctx: CalcContext, r: UsYearRules): CountryOutcome {
  const joint = ctx.profile.filing === 'married-joint';
  if (ctx.profile.filing === undefined && r.nonItemizer) {
    ctx.note('filing-single-assumed', 'Filing status not given: single is assumed (the lower $1 000 limit).');
  }
  let ded = 0;
  let relief: number | null = 0;
  if (r.nonItemizer === null) {
    ctx.note('no-relief-for-non-itemizers', `In ${ctx.rulesYear} only donors who itemize deductions get relief.`);
  } else {
    const cap = joint ? r.nonItemizer.jointMinor : r.nonItemizer.singleMinor;
    ded = minOf(ctx.annualMinor, cap);
    if (ded < ctx.annualMinor) ctx.note('non-itemizer-cap', `The non-itemizer deduction is capped at $${amt(cap)}.`);
    ctx.note(
      'cash-to-public-charity',
      'Assumes a cash gift to a public charity (donor-advised funds and supporting organisations are excluded).',
    );
    relief = atMarginalRate(ctx, ded);
  }
  return {
    ok: true,
    rule: {
      id: `US-${ctx.rulesYear}-individual-non-itemizer`,
      scheme: 'general',
      name: r.nonItemizer ? 'Charitable deduction for non-itemizers (§ 170(p))' : 'No charitable deduction for non-itemizers',
      kind: 'deduction',
      rate: null,
      ceiling: r.nonItemizer
        ? `Up to $${amt(r.nonItemizer.singleMinor)} (single) or $${amt(r.nonItemizer.jointMinor)} (married filing jointly)`
        : 'Non-itemizers get no deduction',
      source: r.source,
      confidence: r.confidence,
    },
    figures: { reliefPerYear: relief, deductibleAmount: ded },
  };
}

function itemizer(ctx: CalcContext, r: UsYearRules): CountryOutcome {
  const it = r.itemizer;
  const annual = ctx.annualMinor;
  const agi = ctx.money(INCOME_KEY);
  let capped = annual;
  let floor = 0;
  if (agi === undefined) {
    ctx.note('no-income-ceiling-applied', 'AGI not given: the 60 % of AGI ceiling and any AGI floor were not applied.');
  } else {
    capped = minOf(annual, percentOf(agi, it.agiCapBps));
    floor = percentOf(agi, it.agiFloorBps);
    if (floor > 0) ctx.note('agi-floor', `Only gifts above ${it.agiFloorBps / 100} % of AGI ($${amt(floor)}) are deductible.`);
  }
  const ded = nonNegative(capped - floor);
  ctx.note('cash-to-public-charity', 'Assumes a cash gift to a public charity.');
  return {
    ok: true,
    rule: {
      id: `US-${ctx.rulesYear}-individual-itemizer`,
      scheme: 'general',
      name: 'Itemized charitable deduction',
      kind: 'deduction',
      rate: null,
      ceiling:
        `Cash gifts up to 60 % of AGI, excess carried forward ${it.carryForwardYears} years` +
        (it.agiFloorBps ? `; only the part above ${it.agiFloorBps / 100} % of AGI` : '') +
        (it.rateCapBps ? `; worth at most ${it.rateCapBps / 100} %` : ''),
      source: r.source,
      confidence: r.confidence,
    },
    figures: {
      reliefPerYear: atMarginalRate(ctx, ded, it.rateCapBps ?? undefined),
      deductibleAmount: ded,
      deductibleThisYear: ded,
      carryForward: annual - capped,
      carryForwardYears: it.carryForwardYears,
    },
  };
}

/** United States rules module. */
export const us: CountryModule<UsYearRules> = {
  country: 'US',
  currency: currencies.US,
  incomeKey: INCOME_KEY,
  name: 'United States',
  schemes: [],
  years: US_RULES,
  compute(ctx, rules) {
    if (ctx.donor === 'company') return unsupportedDonor(ctx);
    if (ctx.scheme !== 'general') return unsupportedScheme(ctx, ['general']);
    ctx.note('federal-only', 'Federal income tax only: state deductions or credits are not modelled.');
    if (ctx.profile.itemizes === true) return itemizer(ctx, rules);
    if (ctx.profile.itemizes === undefined) {
      ctx.note('non-itemizer-assumed', 'Not stated whether the donor itemizes: the standard deduction (no itemizing) is assumed.');
    }
    return nonItemizer(ctx, rules);
  },
};
