/**
 * Switzerland: deduction of voluntary gifts (federal DBG art. 33a; cantons mostly alike).
 * @module
 */

import { amt, atMarginalRate, noIncomeCeiling, unsupportedDonor, unsupportedScheme } from '../helpers.js';
import { minOf, percentOf } from '../money.js';
import { currencies } from '../country-facts.js';
import type { Confidence, CountryModule, MoneyProfileKey } from '../types.js';

/** The income the ceiling is computed on (the module's `incomeKey`). */
const INCOME_KEY = 'netIncome' satisfies MoneyProfileKey;

/** One tax year of Swiss (federal) rules. Amounts in centimes, rates in basis points. */
export interface ChYearRules {
  readonly minimumMinor: number;
  /** Deduction ≤ this share of net income (Reineinkommen). */
  readonly incomeCapBps: number;
  readonly source: string;
  readonly confidence: Confidence;
  /** Cantonal exceptions from an old source (⚠ L): not applied. */
  readonly cantonalNote: string;
}

const YEAR: ChYearRules = {
  minimumMinor: 10_000, // CHF 100/yr: DBG art. 33a; 1x1indien.org; fundcom.ch (2021) — H
  incomeCapBps: 2000, // 20 % of net income — H
  source: 'DBG art. 33a (federal: min CHF 100/yr, max 20 % of net income); 1x1indien.org; fundcom.ch (2021)',
  confidence: 'H',
  cantonalNote:
    'Most cantons: 20 %, min. CHF 100; exceptions in an old source (BL unlimited, JU 10 %, NE 5 %, TG min. 200, no minimum in GE, GR, JU, VS) ⚠ handelszeitung.ch (undated) — L',
};

/** Swiss rules by tax year. */
export const CH_RULES: Readonly<Record<number, ChYearRules>> = { 2025: YEAR, 2026: YEAR };

/** Switzerland rules module. */
export const ch: CountryModule<ChYearRules> = {
  country: 'CH',
  currency: currencies.CH,
  incomeKey: INCOME_KEY,
  name: 'Switzerland',
  schemes: [],
  years: CH_RULES,
  compute(ctx, rules) {
    if (ctx.donor === 'company') return unsupportedDonor(ctx);
    if (ctx.scheme !== 'general') return unsupportedScheme(ctx, ['general']);
    const annual = ctx.annualMinor;
    let ded = 0;
    if (annual < rules.minimumMinor) {
      ctx.note('below-minimum', `Gifts below CHF ${amt(rules.minimumMinor)} a year are not deductible.`);
    } else {
      const netIncome = ctx.money(INCOME_KEY);
      ded = annual;
      if (netIncome === undefined) noIncomeCeiling(ctx, 'Net income');
      else ded = minOf(annual, percentOf(netIncome, rules.incomeCapBps));
      if (ded < annual) ctx.note('excess-lost', 'The part above 20 % of net income is not deductible and not carried forward.');
    }
    ctx.note(
      'federal-rules-for-all-levels',
      `Federal limits applied to the combined rate; cantonal limits may differ. ${rules.cantonalNote}`,
    );
    return {
      ok: true,
      rule: {
        id: `CH-${ctx.rulesYear}-individual-general`,
        scheme: 'general',
        name: 'Deduction of gifts to tax-exempt bodies',
        kind: 'deduction',
        rate: null,
        ceiling: `Minimum CHF ${amt(rules.minimumMinor)} a year; up to 20 % of net income`,
        source: rules.source,
        confidence: rules.confidence,
      },
      figures: { reliefPerYear: atMarginalRate(ctx, ded), deductibleAmount: ded },
    };
  },
};
