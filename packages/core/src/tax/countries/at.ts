/**
 * Austria: special-expense deduction for gifts to bodies on the BMF list (EStG § 18 Abs. 1 Z 7, § 4a).
 * @module
 */

import { atMarginalRate, noIncomeCeiling, unsupportedDonor, unsupportedScheme } from '../helpers.js';
import { minOf, percentOf } from '../money.js';
import { currencies } from '../country-facts.js';
import type { Confidence, CountryModule, MoneyProfileKey } from '../types.js';

/** The income the ceiling is computed on (the module's `incomeKey`). */
const INCOME_KEY = 'totalIncome' satisfies MoneyProfileKey;

/** One tax year of Austrian rules. Rates in basis points. */
export interface AtYearRules {
  /** Deduction ≤ this share of total income (Gesamtbetrag der Einkünfte). */
  readonly incomeCapBps: number;
  readonly source: string;
  readonly confidence: Confidence;
}

const YEAR: AtYearRules = {
  incomeCapBps: 1000, // 10 % of Gesamtbetrag der Einkünfte: bmf.gv.at; bvk.at — H
  source: 'EStG 1988 § 18 Abs. 1 Z 7 iVm § 4a; bmf.gv.at (Informationen für Spender; FAQ Datenübermittlung); bvk.at; LStR Rz 12001 ff.',
  confidence: 'H',
};

/** Austrian rules by tax year. */
export const AT_RULES: Readonly<Record<number, AtYearRules>> = { 2025: YEAR, 2026: YEAR };

/** Austria rules module. */
export const at: CountryModule<AtYearRules> = {
  country: 'AT',
  currency: currencies.AT,
  incomeKey: INCOME_KEY,
  name: 'Austria',
  schemes: [],
  years: AT_RULES,
  compute(ctx, rules) {
    if (ctx.donor === 'company') return unsupportedDonor(ctx);
    if (ctx.scheme !== 'general') return unsupportedScheme(ctx, ['general']);
    const annual = ctx.annualMinor;
    const total = ctx.money(INCOME_KEY);
    let ded = annual;
    if (total === undefined) noIncomeCeiling(ctx, 'Total income (Gesamtbetrag der Einkünfte)');
    else ded = minOf(annual, percentOf(total, rules.incomeCapBps));
    ctx.note(
      'donor-identified',
      'The donor must give the charity their first name, surname and date of birth; the gift is then reported to the tax office automatically.',
    );
    return {
      ok: true,
      rule: {
        id: `AT-${ctx.rulesYear}-individual-general`,
        scheme: 'general',
        name: 'Special-expense deduction for gifts',
        kind: 'deduction',
        rate: null,
        ceiling: 'Up to 10 % of total income',
        source: rules.source,
        confidence: rules.confidence,
      },
      figures: { reliefPerYear: atMarginalRate(ctx, ded), deductibleAmount: ded },
    };
  },
};
