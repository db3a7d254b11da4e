/**
 * Italy: gifts to third-sector bodies (D.Lgs. 117/2017 art. 83): 30 % / 35 % detrazione or
 * deduzione from income; art. 16-ter TUIR cap for incomes above 75 000 € (from 2025).
 * @module
 */

import { amt, atMarginalRate, capToTaxDue, noIncomeCeiling, unsupportedDonor, unsupportedScheme } from '../helpers.js';
import { minOf, percentOf } from '../money.js';
import { currencies } from '../country-facts.js';
import type { CalcContext, Confidence, CountryModule, CountryOutcome, MoneyProfileKey } from '../types.js';

/** The income the ceiling is computed on (the module's `incomeKey`). */
const INCOME_KEY = 'income' satisfies MoneyProfileKey;

/** One tax year of Italian rules. Amounts in euro cents, rates in basis points. */
export interface ItYearRules {
  readonly detrazione: {
    readonly rateBps: number;
    /** ODV (volunteer organisations). */
    readonly odvRateBps: number;
    readonly baseCapMinor: number;
  };
  readonly deduzione: { readonly incomeCapBps: number; readonly carryForwardYears: number };
  /** Art. 16-ter TUIR: cap on total detrazione-eligible expenses by income band. */
  readonly cap16ter: readonly { readonly incomeAboveMinor: number; readonly capMinor: number }[];
  readonly source: string;
  readonly confidence: Confidence;
}

const YEAR: ItYearRules = {
  detrazione: {
    rateBps: 3000, // 30 %: art. 83 c.1 — H
    odvRateBps: 3500, // 35 % for ODV: art. 83 c.1 — H
    baseCapMinor: 3_000_000, // 30 000 €/yr (max 9 000 € / 10 500 €) ⚠ common reading of "importo complessivo non superiore a 30.000" — H
  },
  deduzione: {
    incomeCapBps: 1000, // 10 % of declared total income: art. 83 c.2 — H
    carryForwardYears: 4, // excess carried forward up to 4 years: art. 83 c.2 — H
  },
  // Art. 16-ter TUIR (LdB 2025): 14 000 € for incomes 75–100 k€, 8 000 € above 100 k€, × 0.5/0.7/0.85/1
  // by children. milanonotai.it (Jan 2025); crowe.com; terzjus.it (Jan 2025) — H
  cap16ter: [
    { incomeAboveMinor: 10_000_000, capMinor: 800_000 },
    { incomeAboveMinor: 7_500_000, capMinor: 1_400_000 },
  ],
  source:
    'D.Lgs. 117/2017 art. 83 (Codice del Terzo settore); ddp.it (2024); art. 16-ter TUIR (LdB 2025): milanonotai.it (Jan 2025), crowe.com, terzjus.it (Jan 2025)',
  confidence: 'H',
};

/** Italian rules by tax year. */
export const IT_RULES: Readonly<Record<number, ItYearRules>> = { 2025: YEAR, 2026: YEAR };

function detrazione(ctx: CalcContext, r: ItYearRules, odv: boolean): CountryOutcome {
  const income = ctx.money(INCOME_KEY);
  let base = minOf(ctx.annualMinor, r.detrazione.baseCapMinor);
  if (income === undefined) {
    ctx.note('income-not-given', 'Income not given: the art. 16-ter cap for incomes above 75 000 € was not applied.');
  } else {
    const band = r.cap16ter.find((b) => income > b.incomeAboveMinor);
    if (band) {
      base = minOf(base, band.capMinor);
      ctx.note(
        'it-16ter-cap',
        `Income above ${amt(band.incomeAboveMinor)} €: detrazione-eligible expenses are capped at ${amt(band.capMinor)} € (coefficient 1 for children assumed, and no other eligible expenses).`,
      );
    }
  }
  const rateBps = odv ? r.detrazione.odvRateBps : r.detrazione.rateBps;
  ctx.note('traceable-payment', 'Assumes the gift is paid in a traceable way (bank, card, post office).');
  const relief = capToTaxDue(ctx, percentOf(base, rateBps));
  return {
    ok: true,
    rule: {
      id: `IT-${ctx.rulesYear}-individual-${odv ? 'odv' : 'general'}-detrazione`,
      scheme: odv ? 'odv' : 'general',
      name: odv
        ? 'Tax credit (detrazione) for gifts to volunteer organisations (ODV)'
        : 'Tax credit (detrazione) for gifts to third-sector bodies',
      kind: 'credit',
      rate: rateBps / 10_000,
      ceiling: `Gifts up to ${amt(r.detrazione.baseCapMinor)} € a year; art. 16-ter cap above 75 000 € of income`,
      source: r.source,
      confidence: r.confidence,
    },
    figures: { reliefPerYear: relief },
  };
}

function deduzione(ctx: CalcContext, r: ItYearRules, odv: boolean): CountryOutcome {
  const annual = ctx.annualMinor;
  const income = ctx.money(INCOME_KEY);
  let ded = annual;
  if (income === undefined) noIncomeCeiling(ctx, 'Income (reddito complessivo)');
  else ded = minOf(annual, percentOf(income, r.deduzione.incomeCapBps));
  const relief = atMarginalRate(ctx, ded);
  return {
    ok: true,
    rule: {
      id: `IT-${ctx.rulesYear}-individual-${odv ? 'odv' : 'general'}-deduzione`,
      scheme: odv ? 'odv' : 'general',
      name: 'Deduction (deduzione) of gifts to third-sector bodies',
      kind: 'deduction',
      rate: null,
      ceiling: `Up to 10 % of declared total income; excess carried forward ${r.deduzione.carryForwardYears} years`,
      source: r.source,
      confidence: r.confidence,
    },
    figures: {
      reliefPerYear: relief,
      deductibleAmount: ded,
      deductibleThisYear: ded,
      carryForward: annual - ded,
      carryForwardYears: r.deduzione.carryForwardYears,
    },
  };
}

/** Italy rules module. */
export const it: CountryModule<ItYearRules> = {
  country: 'IT',
  currency: currencies.IT,
  incomeKey: INCOME_KEY,
  name: 'Italy',
  schemes: ['odv'],
  years: IT_RULES,
  compute(ctx, rules) {
    if (ctx.donor === 'company') return unsupportedDonor(ctx);
    if (ctx.scheme !== 'general' && ctx.scheme !== 'odv') return unsupportedScheme(ctx, ['general', 'odv']);
    const odv = ctx.scheme === 'odv';
    if (ctx.profile.option === 'deduzione') return deduzione(ctx, rules, odv);
    if (ctx.profile.option === undefined) {
      ctx.note('detrazione-assumed', 'Option not given: the 30 % / 35 % detrazione is assumed (it cannot be combined with the deduzione).');
    }
    return detrazione(ctx, rules, odv);
  },
};
