/**
 * Luxembourg: gifts deductible as special expenses (dépenses spéciales, LIR).
 * @module
 */

import { amt, atMarginalRate, noIncomeCeiling, unsupportedDonor, unsupportedScheme } from '../helpers.js';
import { minOf, percentOf } from '../money.js';
import { currencies } from '../country-facts.js';
import type { Confidence, CountryModule, MoneyProfileKey } from '../types.js';

/** The income the ceiling is computed on (the module's `incomeKey`). */
const INCOME_KEY = 'netIncome' satisfies MoneyProfileKey;

/** One tax year of Luxembourg rules. Amounts in euro cents, rates in basis points. */
export interface LuYearRules {
  readonly minimumMinor: number;
  readonly incomeCapBps: number;
  readonly absoluteCapMinor: number;
  readonly source: string;
  readonly confidence: Confidence;
}

const YEAR: LuYearRules = {
  minimumMinor: 12_000, // yearly total ≥ €120: majany.lu citing LIR (undated) — M
  incomeCapBps: 2000, // max 20 % of total net income — M
  absoluteCapMinor: 100_000_000, // or €1 000 000 — M
  source: 'LIR (loi modifiée 4 déc. 1967) dépenses spéciales; majany.lu citing LIR (undated)',
  confidence: 'M',
};

/** Luxembourg rules by tax year. */
export const LU_RULES: Readonly<Record<number, LuYearRules>> = { 2025: YEAR, 2026: YEAR };

/** Luxembourg rules module. */
export const lu: CountryModule<LuYearRules> = {
  country: 'LU',
  currency: currencies.LU,
  incomeKey: INCOME_KEY,
  name: 'Luxembourg',
  schemes: [],
  years: LU_RULES,
  compute(ctx, rules) {
    if (ctx.donor === 'company') return unsupportedDonor(ctx);
    if (ctx.scheme !== 'general') return unsupportedScheme(ctx, ['general']);
    const annual = ctx.annualMinor;
    let ded = 0;
    if (annual < rules.minimumMinor) {
      ctx.note('below-minimum', `A yearly total below ${amt(rules.minimumMinor)} € is not deductible.`);
    } else {
      ded = minOf(annual, rules.absoluteCapMinor);
      const netIncome = ctx.money(INCOME_KEY);
      if (netIncome === undefined) noIncomeCeiling(ctx, 'Total net income');
      else ded = minOf(ded, percentOf(netIncome, rules.incomeCapBps));
    }
    return {
      ok: true,
      rule: {
        id: `LU-${ctx.rulesYear}-individual-general`,
        scheme: 'general',
        name: 'Special-expense deduction for gifts',
        kind: 'deduction',
        rate: null,
        ceiling: `Yearly total ≥ ${amt(rules.minimumMinor)} €; up to 20 % of total net income or ${amt(rules.absoluteCapMinor)} €`,
        source: rules.source,
        confidence: rules.confidence,
      },
      figures: { reliefPerYear: atMarginalRate(ctx, ded), deductibleAmount: ded },
    };
  },
};
