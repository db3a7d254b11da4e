/**
 * Germany: special-expense deduction for gifts (§ 10b EStG).
 * @module
 */

import { amt, atMarginalRate, noIncomeCeiling, unsupportedDonor, unsupportedScheme } from '../helpers.js';
import { minOf, nonNegative, percentOf } from '../money.js';
import { currencies } from '../country-facts.js';
import type { Confidence, CountryModule, MoneyProfileKey } from '../types.js';

/** The income the ceiling is computed on (the module's `incomeKey`). */
const INCOME_KEY = 'totalIncome' satisfies MoneyProfileKey;

/** One tax year of German rules. Amounts in euro cents, rates in basis points. */
export interface DeYearRules {
  /** Deduction ≤ this share of the Gesamtbetrag der Einkünfte; excess carried forward indefinitely. */
  readonly incomeCapBps: number;
  /** § 10c Sonderausgaben-Pauschbetrag, granted anyway. */
  readonly pauschbetragMinor: { readonly single: number; readonly joint: number };
  /** Tariff, for reference (value = ESt(zvE) − ESt(zvE − gift) ≈ gift × marginal rate). */
  readonly tariff: {
    readonly basicAllowanceMinor: number;
    readonly rate42FromMinor: number;
    readonly rate45FromMinor: number;
    readonly confidence: Confidence;
  };
  readonly source: string;
  readonly confidence: Confidence;
}

const COMMON = {
  incomeCapBps: 2000, // 20 % of Gesamtbetrag der Einkünfte: abendblatt.de (2020); finanztip — H
  pauschbetragMinor: { single: 3_600, joint: 7_200 }, // 36 € / 72 €: § 10c EStG; szenario7.de (2016); finanztip — H
  source:
    '§ 10b EStG (20 % of Gesamtbetrag der Einkünfte, Spendenvortrag); § 10c EStG Sonderausgaben-Pauschbetrag 36 €/72 €; haufe.de; finanztip.de; abendblatt.de (2020)',
  confidence: 'H',
} as const;

/** German rules by tax year. */
export const DE_RULES: Readonly<Record<number, DeYearRules>> = {
  2025: {
    ...COMMON,
    // Basic allowance 12 096 €, 42 % from 68 481 €, 45 % from 277 826 €: jotax.de; Steuerfortentwicklungsgesetz — M
    tariff: { basicAllowanceMinor: 1_209_600, rate42FromMinor: 6_848_100, rate45FromMinor: 27_782_600, confidence: 'M' },
  },
  2026: {
    ...COMMON,
    // 12 348 €, 42 % from 69 879 €, 45 % from 277 826 € (unchanged) ⚠: jotax.de; Steuerfortentwicklungsgesetz — M
    tariff: { basicAllowanceMinor: 1_234_800, rate42FromMinor: 6_987_900, rate45FromMinor: 27_782_600, confidence: 'M' },
  },
};

/** Germany rules module. */
export const de: CountryModule<DeYearRules> = {
  country: 'DE',
  currency: currencies.DE,
  incomeKey: INCOME_KEY,
  name: 'Germany',
  schemes: [],
  years: DE_RULES,
  compute(ctx, rules) {
    if (ctx.donor === 'company') return unsupportedDonor(ctx);
    if (ctx.scheme !== 'general') return unsupportedScheme(ctx, ['general']);
    const annual = ctx.annualMinor;
    const total = ctx.money(INCOME_KEY);
    let ded = annual;
    if (total === undefined) noIncomeCeiling(ctx, 'Total income (Gesamtbetrag der Einkünfte)');
    else ded = minOf(annual, percentOf(total, rules.incomeCapBps));

    const joint = ctx.profile.filing === 'married-joint';
    const flat = joint ? rules.pauschbetragMinor.joint : rules.pauschbetragMinor.single;
    const other = ctx.money('otherSpecialExpenses');
    let extra = ded;
    if (other === undefined) {
      ctx.note(
        'pauschbetrag-used',
        `Other special expenses not given: assumes they already exceed the ${amt(flat)} € flat allowance, so the whole deduction counts.`,
      );
    } else {
      extra = nonNegative(ded + other - flat) - nonNegative(other - flat);
      if (extra < ded) {
        ctx.note(
          'pauschbetrag-absorbs',
          `The ${amt(flat)} € flat allowance (§ 10c) is granted anyway: ${amt(ded - extra)} € of the gift brings no extra relief.`,
        );
      }
    }
    ctx.note('marginal-rate-approximation', 'Relief ≈ deduction × marginal rate (Soli and church tax included in the rate if they apply).');
    return {
      ok: true,
      rule: {
        id: `DE-${ctx.rulesYear}-individual-general`,
        scheme: 'general',
        name: 'Special-expense deduction for gifts',
        kind: 'deduction',
        rate: null,
        ceiling: `Up to 20 % of total income; excess carried forward without limit; ${amt(flat)} € flat allowance granted anyway`,
        source: rules.source,
        confidence: rules.confidence,
      },
      figures: {
        reliefPerYear: atMarginalRate(ctx, extra),
        deductibleAmount: ded,
        deductibleThisYear: ded,
        carryForward: annual - ded,
        carryForwardYears: null,
      },
    };
  },
};
