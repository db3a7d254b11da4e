/**
 * United Kingdom: Gift Aid (individuals); corporation-tax deduction (companies).
 * @module
 */

import { amt, isNonTaxpayer, pct, unsupportedScheme } from '../helpers.js';
import { mulRatio, ppmOf, rateToPpm } from '../money.js';
import { currencies } from '../country-facts.js';
import type { CalcContext, Confidence, CountryModule, CountryOutcome } from '../types.js';

/** One tax year (6 April of the year to 5 April of the next) of UK rules. */
export interface GbYearRules {
  /** Basic rate the gift is treated as paid net of (the charity reclaims it). */
  readonly basicRateBps: number;
  readonly source: string;
  readonly confidence: Confidence;
  readonly company: { readonly source: string; readonly confidence: Confidence };
}

const YEAR: GbYearRules = {
  // Basic rate 20 %: charity reclaims 25p per £1 (gross = net / 0.8). HMRC; scottishwildlifetrust.org.uk;
  // scotiaeducationtrust.org (2022). Higher/additional rate relief: swiftaid; GOV.UK example (£100 → £31.25 at 45 %).
  // Scotland 2025/26 rates 19/20/21/42/45/48 %: gov.scot (Dec 2024). — H
  basicRateBps: 2000,
  source:
    'HMRC Gift Aid; scottishwildlifetrust.org.uk; scotiaeducationtrust.org (2022); swiftaid; gov.scot Scottish rates 2025-26 (Dec 2024)',
  confidence: 'H',
  // No Gift Aid for companies: the gift is deducted from profits for corporation tax (19–25 %). General knowledge — M
  company: { source: 'Corporation tax deduction for qualifying charitable donations (general knowledge)', confidence: 'M' },
};

/** UK rules by tax year (2025 = 2025/26). The 2026/27 rates are unchanged. */
export const GB_RULES: Readonly<Record<number, GbYearRules>> = { 2025: YEAR, 2026: YEAR };

function giftAid(ctx: CalcContext, rules: GbYearRules): CountryOutcome {
  const annual = ctx.annualMinor;
  const basic = rules.basicRateBps;
  let uplift = 0;
  let relief: number | null = 0;
  if (isNonTaxpayer(ctx)) {
    ctx.note('gift-aid-needs-taxpayer', 'Gift Aid needs a UK income-tax or CGT payer: the charity gets no uplift.');
  } else {
    ctx.note('taxpayer', 'Assumes the donor pays at least as much UK income tax or CGT as the Gift Aid claimed.');
    ctx.note('gift-aid-declaration', 'Assumes the donor has made a Gift Aid declaration.');
    uplift = mulRatio(annual, basic, 10_000 - basic);
    const due = ctx.money('incomeTaxDue');
    if (due !== undefined && due < uplift) {
      ctx.note(
        'gift-aid-exceeds-tax-paid',
        `The tax paid (${amt(due)}) is below the Gift Aid claimed: HMRC may ask the donor to pay the difference.`,
      );
    }
    const rate = ctx.profile.marginalRate;
    if (rate === undefined) {
      ctx.need('marginalRate');
      ctx.note(
        'marginal-rate-unknown',
        "The donor's income-tax rate is not given: higher-rate relief cannot be computed (basic-rate donors get none).",
      );
      relief = null;
    } else {
      const extraPpm = rateToPpm(rate) - basic * 100;
      // Donor reclaims (rate − basic) × gross, gross = net / (1 − basic).
      relief = extraPpm > 0 ? mulRatio(annual, extraPpm, (10_000 - basic) * 100) : 0;
      ctx.note('marginal-rate-given', `Donor's income-tax rate ${pct(rate)}.`);
    }
  }
  return {
    ok: true,
    rule: {
      id: `GB-${ctx.rulesYear}-individual-gift-aid`,
      scheme: 'gift-aid',
      name: 'Gift Aid',
      kind: 'gift-aid',
      rate: basic / 10_000,
      ceiling:
        'No minimum or maximum; the charity reclaims 25p per £1; higher-rate taxpayers reclaim (their rate − 20 %) of the gross gift',
      source: rules.source,
      confidence: rules.confidence,
    },
    figures: { reliefPerYear: relief, giftAidUpliftPerYear: uplift, charityReceivesPerYear: annual + uplift },
  };
}

function company(ctx: CalcContext, rules: GbYearRules): CountryOutcome {
  const rate = ctx.profile.corporationTaxRate;
  let relief: number | null;
  if (isNonTaxpayer(ctx)) {
    relief = 0;
  } else if (rate === undefined) {
    ctx.need('corporationTaxRate');
    ctx.note('corporation-tax-rate-unknown', 'The corporation-tax rate (19–25 %) is not given: no relief figure.');
    relief = null;
  } else {
    relief = ppmOf(ctx.annualMinor, rateToPpm(rate));
  }
  return {
    ok: true,
    rule: {
      id: `GB-${ctx.rulesYear}-company-general`,
      scheme: 'general',
      name: 'Corporation-tax deduction for charitable donations',
      kind: 'deduction',
      rate: null,
      ceiling: 'Deducted from taxable profits; no Gift Aid for companies',
      source: rules.company.source,
      confidence: rules.company.confidence,
    },
    figures: { reliefPerYear: relief, deductibleAmount: ctx.annualMinor },
  };
}

/** United Kingdom rules module. */
export const gb: CountryModule<GbYearRules> = {
  country: 'GB',
  currency: currencies.GB,
  name: 'United Kingdom',
  schemes: ['gift-aid'],
  years: GB_RULES,
  compute(ctx, rules) {
    if (ctx.donor === 'company') {
      return ctx.scheme === 'general' ? company(ctx, rules) : unsupportedScheme(ctx, ['general']);
    }
    if (ctx.scheme !== 'general' && ctx.scheme !== 'gift-aid') return unsupportedScheme(ctx, ['gift-aid', 'general']);
    return giftAid(ctx, rules);
  },
};
