/**
 * Netherlands: gift deduction (giftenaftrek), a personal deduction in box 1.
 * @module
 */

import { amt, atMarginalRate, unsupportedDonor, unsupportedScheme } from '../helpers.js';
import { minOf, nonNegative, percentOf } from '../money.js';
import { currencies } from '../country-facts.js';
import type { CalcContext, Confidence, CountryModule, MoneyProfileKey } from '../types.js';

/** The income the ceiling is computed on (the module's `incomeKey`). */
const INCOME_KEY = 'thresholdIncome' satisfies MoneyProfileKey;

/** One tax year of Dutch rules. Amounts in euro cents, rates in basis points. */
export interface NlYearRules {
  /** Personal deductions are worth at most this rate, even in the 49.5 % bracket. */
  readonly deductionRateCapBps: number;
  readonly ordinary: {
    /** Threshold: this share of drempelinkomen ... */
    readonly thresholdBps: number;
    /** ... and at least this amount. */
    readonly minThresholdMinor: number;
    /** Maximum: this share of drempelinkomen. */
    readonly maxBps: number;
  };
  readonly source: string;
  readonly confidence: Confidence;
}

const ORDINARY = {
  thresholdBps: 100, // 1 % of drempelinkomen: schenkservice.nl; vvdamsterdam.nl — H
  minThresholdMinor: 6_000, // min €60 — H
  maxBps: 1000, // max 10 % of drempelinkomen — H
} as const;

const SOURCE =
  'Belastingdienst giftenaftrek via schenkservice.nl, vvdamsterdam.nl, sedl.nl; rate cap: fransenadministratie.nl, akdg.nl, lindenhaeghe.nl (2026)';

/** Dutch rules by tax year. */
export const NL_RULES: Readonly<Record<number, NlYearRules>> = {
  2025: { deductionRateCapBps: 3748, ordinary: ORDINARY, source: SOURCE, confidence: 'H' }, // 37.48 % (2025) — H
  2026: { deductionRateCapBps: 3756, ordinary: ORDINARY, source: SOURCE, confidence: 'H' }, // 37.56 % (2026) — H
};

function deductibleOrdinary(ctx: CalcContext, r: NlYearRules['ordinary']): number {
  const drempel = ctx.money(INCOME_KEY);
  let threshold = r.minThresholdMinor;
  let max: number | undefined;
  if (drempel === undefined) {
    ctx.note(
      'threshold-income-not-given',
      `Threshold income (drempelinkomen) not given: the minimum threshold of ${amt(r.minThresholdMinor)} € is used and the 10 % maximum is not applied.`,
    );
  } else {
    threshold = Math.max(r.minThresholdMinor, percentOf(drempel, r.thresholdBps));
    max = percentOf(drempel, r.maxBps);
  }
  const above = nonNegative(ctx.annualMinor - threshold);
  if (above === 0) ctx.note('below-threshold', `Gifts up to the threshold (${amt(threshold)} €) are not deductible.`);
  return max === undefined ? above : minOf(above, max);
}

/** Netherlands rules module. */
export const nl: CountryModule<NlYearRules> = {
  country: 'NL',
  currency: currencies.NL,
  incomeKey: INCOME_KEY,
  name: 'Netherlands',
  schemes: ['periodic', 'ordinary'],
  years: NL_RULES,
  compute(ctx, rules) {
    if (ctx.donor === 'company') return unsupportedDonor(ctx);
    if (!['general', 'ordinary', 'periodic'].includes(ctx.scheme)) {
      return unsupportedScheme(ctx, ['ordinary', 'periodic', 'general']);
    }
    const periodic = ctx.scheme === 'periodic';
    if (ctx.scheme === 'general') ctx.note('ordinary-gift-assumed', 'An ordinary gift is assumed (not a 5-year periodic gift agreement).');
    if (periodic) ctx.note('periodic-agreement', 'Assumes a written agreement with an ANBI for a fixed amount over at least 5 years.');
    else ctx.note('partners-combined', "Partners' incomes and gifts are combined for the threshold and the maximum.");
    const ded = periodic ? ctx.annualMinor : deductibleOrdinary(ctx, rules.ordinary);
    const cap = rules.deductionRateCapBps;
    return {
      ok: true,
      rule: {
        id: `NL-${ctx.rulesYear}-individual-${periodic ? 'periodic' : 'ordinary'}`,
        scheme: periodic ? 'periodic' : 'ordinary',
        name: periodic ? 'Gift deduction (periodic gift)' : 'Gift deduction (ordinary gift)',
        kind: 'deduction',
        rate: null,
        ceiling: periodic
          ? `Fully deductible; worth at most ${cap / 100} %`
          : `Only the part above 1 % of threshold income (min. €60) is deductible, up to 10 % of it; worth at most ${cap / 100} %`,
        source: rules.source,
        confidence: rules.confidence,
      },
      figures: { reliefPerYear: atMarginalRate(ctx, ded, cap), deductibleAmount: ded },
    };
  },
};
