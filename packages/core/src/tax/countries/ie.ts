/**
 * Ireland: Charitable Donation Scheme (the charity claims the tax; the donor gets nothing).
 * @module
 */

import { amt, isNonTaxpayer, unsupportedScheme } from '../helpers.js';
import { minOf, mulRatio, percentOf, rateToPpm, ppmOf } from '../money.js';
import { currencies } from '../country-facts.js';
import type { CalcContext, Confidence, CountryModule, CountryOutcome } from '../types.js';

/** One tax year of Irish rules. Amounts in euro cents, rates in basis points. */
export interface IeYearRules {
  /** Specified rate: refund = gift × rate / (1 − rate). */
  readonly specifiedRateBps: number;
  /** Minimum a year per approved body. */
  readonly minimumMinor: number;
  /** Maximum gifts a year that qualify. */
  readonly maximumMinor: number;
  /** Companies: trading-expense deduction at the corporation-tax rate (default). */
  readonly companyDefaultRateBps: number;
  readonly source: string;
  readonly confidence: Confidence;
}

const YEAR: IeYearRules = {
  specifiedRateBps: 3100, // 31 %: revenue.ie example €250 → gross €362.32, refund €112.32 — H
  minimumMinor: 25_000, // €250 per year per approved body: revenue.ie — H
  maximumMinor: 100_000_000, // €1 000 000 per year: revenue.ie — H
  companyDefaultRateBps: 1250, // 12.5 % trading rate: revenue.ie (€1 000 gift costs €875) — H
  source: 'revenue.ie Charitable Donation Scheme (current); ireland.anglican.org; redcross.ie',
  confidence: 'H',
};

/** Irish rules by tax year. */
export const IE_RULES: Readonly<Record<number, IeYearRules>> = { 2025: YEAR, 2026: YEAR };

function belowMinimum(ctx: CalcContext, rules: IeYearRules): boolean {
  ctx.note('single-charity', 'Assumes all the gifts go to one approved body (the minimum is per body).');
  if (ctx.annualMinor >= rules.minimumMinor) return false;
  ctx.note('below-minimum', `Gifts below ${amt(rules.minimumMinor)} € a year to one body do not qualify.`);
  return true;
}

function individual(ctx: CalcContext, rules: IeYearRules): CountryOutcome {
  const annual = ctx.annualMinor;
  let refund = 0;
  if (!belowMinimum(ctx, rules) && !isNonTaxpayer(ctx)) {
    ctx.note('taxpayer', 'Assumes the donor paid at least the refund in tax that year.');
    const base = minOf(annual, rules.maximumMinor);
    refund = mulRatio(base, rules.specifiedRateBps, 10_000 - rules.specifiedRateBps);
    const due = ctx.money('incomeTaxDue');
    if (due !== undefined && refund > due) {
      ctx.note('refund-limited-to-tax-paid', `The charity's refund is limited to the tax the donor paid (${amt(due)}).`);
      refund = due;
    }
  }
  ctx.note('donor-gets-nothing', 'The charity claims the tax back; the donor gets no relief.');
  return {
    ok: true,
    rule: {
      id: `IE-${ctx.rulesYear}-individual-general`,
      scheme: 'general',
      name: 'Charitable Donation Scheme',
      kind: 'charity-refund',
      rate: rules.specifiedRateBps / 10_000,
      ceiling: `Minimum ${amt(rules.minimumMinor)} € a year per body; maximum ${amt(rules.maximumMinor)} € a year; refund ≤ the tax the donor paid`,
      source: rules.source,
      confidence: rules.confidence,
    },
    figures: { reliefPerYear: 0, charityRefundPerYear: refund, charityReceivesPerYear: annual + refund },
  };
}

function company(ctx: CalcContext, rules: IeYearRules): CountryOutcome {
  let relief = 0;
  const qualifies = !belowMinimum(ctx, rules);
  if (qualifies && !isNonTaxpayer(ctx)) {
    const rate = ctx.profile.corporationTaxRate;
    if (rate === undefined) {
      ctx.note(
        'trading-rate-assumed',
        `Corporation-tax rate not given: the ${rules.companyDefaultRateBps / 100} % trading rate is assumed.`,
      );
      relief = percentOf(ctx.annualMinor, rules.companyDefaultRateBps);
    } else {
      relief = ppmOf(ctx.annualMinor, rateToPpm(rate));
    }
  }
  return {
    ok: true,
    rule: {
      id: `IE-${ctx.rulesYear}-company-general`,
      scheme: 'general',
      name: 'Charitable donation deducted as a trading expense',
      kind: 'deduction',
      rate: null,
      ceiling: `Minimum ${amt(rules.minimumMinor)} € a year per body`,
      source: rules.source,
      confidence: rules.confidence,
    },
    figures: { reliefPerYear: relief, deductibleAmount: qualifies ? ctx.annualMinor : 0 },
  };
}

/** Ireland rules module. */
export const ie: CountryModule<IeYearRules> = {
  country: 'IE',
  currency: currencies.IE,
  name: 'Ireland',
  schemes: [],
  years: IE_RULES,
  compute(ctx, rules) {
    if (ctx.scheme !== 'general') return unsupportedScheme(ctx, ['general']);
    return ctx.donor === 'company' ? company(ctx, rules) : individual(ctx, rules);
  },
};
