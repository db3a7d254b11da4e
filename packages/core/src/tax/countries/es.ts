/**
 * Spain (state rules; regional add-ons, Basque Country and Navarre excluded): IRPF deduction for
 * gifts (Ley 49/2002 art. 19) and corporate-tax deduction (art. 20).
 * @module
 */

import { amt, capToTaxDue, noIncomeCeiling, unsupportedScheme, weightedBps } from '../helpers.js';
import { minOf, nonNegative, percentOf } from '../money.js';
import { currencies } from '../country-facts.js';
import type { CalcContext, Confidence, CountryModule, CountryOutcome, MoneyProfileKey } from '../types.js';

/** The income the ceiling is computed on (the module's `incomeKey`). */
const INCOME_KEY = 'taxableIncome' satisfies MoneyProfileKey;

/** One tax year of Spanish rules. Amounts in euro cents, rates in basis points. */
export interface EsYearRules {
  readonly individual: {
    /** The first bracket (per taxpayer per year, all entities). */
    readonly firstBracketMinor: number;
    readonly firstRateBps: number;
    readonly restRateBps: number;
    /** Rest rate when the donor gave the same entity at least as much in each of the 2 previous years. */
    readonly recurringRateBps: number;
    /** Deduction base ≤ this share of the base liquidable. */
    readonly baseCapBps: number;
    readonly source: string;
    readonly confidence: Confidence;
  };
  readonly company: {
    readonly rateBps: number;
    readonly recurringRateBps: number;
    /** Base ≤ this share of the taxable base. */
    readonly baseCapBps: number;
    readonly carryForwardYears: number;
    readonly source: string;
    readonly confidence: Confidence;
  };
}

const YEAR: EsYearRules = {
  individual: {
    firstBracketMinor: 25_000, // first 250 €: RDL 6/2023 (from 1 Jan 2024, in force 2025) — H
    firstRateBps: 8000, // 80 % — H
    restRateBps: 4000, // 40 % — H
    recurringRateBps: 4500, // 45 % after 2 previous years of equal or higher gifts to the same entity — H
    baseCapBps: 1000, // ≤ 10 % of base liquidable — H
    source:
      'Ley 49/2002 art. 19 as amended by RDL 6/2023 (from 1 Jan 2024; in force 2025); supercontable.com; debehaberasociaciones.com (2025); sonrisassincancer.org; sosmalawi.org (IRPF 2024)',
    confidence: 'H',
  },
  company: {
    rateBps: 4000, // 40 % — H
    recurringRateBps: 5000, // 50 % if recurring (3 years) — H
    baseCapBps: 1500, // ≤ 15 % of taxable base — H
    carryForwardYears: 10, // unused amounts carried forward 10 years — M
    source: 'Ley 49/2002 art. 20 as amended by RDL 6/2023; sonrisassincancer.org; sosmalawi.org',
    confidence: 'H',
  },
};

/** Spanish rules by tax year. */
export const ES_RULES: Readonly<Record<number, EsYearRules>> = { 2025: YEAR, 2026: YEAR };

function recurring(ctx: CalcContext, what: string): boolean {
  if (ctx.profile.recurring === undefined) {
    ctx.note('not-recurring-assumed', `Not stated that the donor gave ${what}: the non-recurring rate is used.`);
    return false;
  }
  return ctx.profile.recurring;
}

function individual(ctx: CalcContext, r: EsYearRules['individual']): CountryOutcome {
  const annual = ctx.annualMinor;
  const baseLiquidable = ctx.money(INCOME_KEY);
  let base = annual;
  if (baseLiquidable === undefined) noIncomeCeiling(ctx, 'Base liquidable (profile.taxableIncome)');
  else base = minOf(annual, percentOf(baseLiquidable, r.baseCapBps));
  const first = minOf(base, r.firstBracketMinor);
  const rest = nonNegative(base - first);
  const restBps =
    rest > 0 && recurring(ctx, 'the same entity at least as much in each of the 2 previous years') ? r.recurringRateBps : r.restRateBps;
  ctx.note(
    'no-other-gifts',
    `Assumes no other gifts this year: the ${amt(r.firstBracketMinor)} € bracket is per taxpayer, across all charities.`,
  );
  ctx.note('state-rules-only', 'State rules only: regional add-ons (and the Basque Country and Navarre) are not modelled.');
  const relief = capToTaxDue(
    ctx,
    weightedBps([
      [first, r.firstRateBps],
      [rest, restBps],
    ]),
  );
  return {
    ok: true,
    rule: {
      id: `ES-${ctx.rulesYear}-individual-general`,
      scheme: 'general',
      name: 'IRPF deduction for gifts',
      kind: 'credit',
      rate: r.firstRateBps / 10_000,
      tiers: [
        { upTo: r.firstBracketMinor / 100, rate: r.firstRateBps / 10_000 },
        { upTo: null, rate: restBps / 10_000 },
      ],
      ceiling: `80 % of the first ${amt(r.firstBracketMinor)} € a year, then 40 % (45 % recurring); base ≤ 10 % of base liquidable`,
      source: r.source,
      confidence: r.confidence,
    },
    figures: { reliefPerYear: relief },
  };
}

function company(ctx: CalcContext, r: EsYearRules['company']): CountryOutcome {
  const annual = ctx.annualMinor;
  const taxable = ctx.money(INCOME_KEY);
  let base = annual;
  if (taxable === undefined) noIncomeCeiling(ctx, 'Taxable base (profile.taxableIncome)');
  else base = minOf(annual, percentOf(taxable, r.baseCapBps));
  const bps = recurring(ctx, 'the same entity in the previous years') ? r.recurringRateBps : r.rateBps;
  const relief = capToTaxDue(ctx, percentOf(base, bps));
  return {
    ok: true,
    rule: {
      id: `ES-${ctx.rulesYear}-company-general`,
      scheme: 'general',
      name: 'Corporate-tax deduction for gifts',
      kind: 'credit',
      rate: bps / 10_000,
      ceiling: `Base ≤ 15 % of the taxable base; excess carried forward ${r.carryForwardYears} years`,
      source: r.source,
      confidence: r.confidence,
    },
    figures: { reliefPerYear: relief, carryForward: annual - base, carryForwardYears: r.carryForwardYears },
  };
}

/** Spain rules module. */
export const es: CountryModule<EsYearRules> = {
  country: 'ES',
  currency: currencies.ES,
  incomeKey: INCOME_KEY,
  name: 'Spain',
  schemes: [],
  years: ES_RULES,
  compute(ctx, rules) {
    if (ctx.scheme !== 'general') return unsupportedScheme(ctx, ['general']);
    return ctx.donor === 'company' ? company(ctx, rules.company) : individual(ctx, rules.individual);
  },
};
