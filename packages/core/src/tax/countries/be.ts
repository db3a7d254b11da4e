/**
 * Belgium: tax reduction for gifts (CIR 92 art. 145/33).
 * @module
 */

import { amt, capToTaxDue, noIncomeCeiling, unsupportedDonor, unsupportedScheme } from '../helpers.js';
import { minOf, percentOf } from '../money.js';
import { currencies } from '../country-facts.js';
import type { Confidence, CountryModule, MoneyProfileKey } from '../types.js';

/** The income the ceiling is computed on (the module's `incomeKey`). */
const INCOME_KEY = 'netIncome' satisfies MoneyProfileKey;

/** One income year of Belgian rules. Amounts in euro cents, rates in basis points. */
export interface BeYearRules {
  readonly rateBps: number;
  /** Minimum per calendar year per approved institution. */
  readonly minimumMinor: number;
  /** Gifts ≤ this share of total net income. */
  readonly incomeCapBps: number;
  /** Absolute ceiling on gifts. */
  readonly absoluteCapMinor: number;
  readonly source: string;
  readonly confidence: Confidence;
}

const MIN = 4_000; // 40 € per calendar year per approved institution: fin.belgium.be; finances.belgium.be/asbl — H
const INCOME_CAP = 1_000; // 10 % of total net income: fin.belgium.be — H
const ABS_CAP = 40_813_000; // €408 130 (AY 2025; same for AY 2026, indexation frozen): fin.belgium.be; adeconsultants.be — H

/** Belgian rules by income year (the gift's calendar year; assessment year = +1). */
export const BE_RULES: Readonly<Record<number, BeYearRules>> = {
  2024: {
    rateBps: 4500, // 45 % up to income year 2024: fin.belgium.be (AY 2025) — H
    minimumMinor: MIN,
    incomeCapBps: INCOME_CAP,
    absoluteCapMinor: ABS_CAP,
    source: 'CIR 92 art. 145/33; fin.belgium.be "Dons" (45 %, AY 2025)',
    confidence: 'H',
  },
  2025: {
    rateBps: 3000, // 30 % for gifts from 1 Jan 2025 (AY 2026): degandpartners.com (2026); adeconsultants.be (2026) — H
    minimumMinor: MIN,
    incomeCapBps: INCOME_CAP,
    absoluteCapMinor: ABS_CAP,
    source:
      'CIR 92 art. 145/33; loi portant dispositions diverses (Dec 2025); degandpartners.com blog (2026); adeconsultants.be newsletter (2026); fin.belgium.be "Dons"',
    confidence: 'H',
  },
  2026: {
    rateBps: 3000, // 30 % still applies (no end date in the Dec 2025 law) — H
    minimumMinor: MIN,
    incomeCapBps: INCOME_CAP,
    absoluteCapMinor: ABS_CAP, // ⚠ AY 2027 amount not published: AY 2026 amount assumed (indexation frozen) — M
    source:
      'CIR 92 art. 145/33; loi portant dispositions diverses (Dec 2025); degandpartners.com blog (2026); adeconsultants.be newsletter (2026). AY 2027 ceiling assumed unchanged ⚠',
    confidence: 'M',
  },
};

/** Belgium rules module. */
export const be: CountryModule<BeYearRules> = {
  country: 'BE',
  currency: currencies.BE,
  incomeKey: INCOME_KEY,
  name: 'Belgium',
  schemes: [],
  years: BE_RULES,
  compute(ctx, rules) {
    if (ctx.donor === 'company') return unsupportedDonor(ctx);
    if (ctx.scheme !== 'general') return unsupportedScheme(ctx, ['general']);
    const annual = ctx.annualMinor;
    ctx.note('single-charity', 'Assumes all the gifts go to one approved institution (the minimum is per institution).');
    let relief = 0;
    if (annual < rules.minimumMinor) {
      ctx.note('below-minimum', `Gifts below ${amt(rules.minimumMinor)} € a year to one institution give no reduction.`);
    } else {
      const netIncome = ctx.money(INCOME_KEY);
      let base = minOf(annual, rules.absoluteCapMinor);
      if (netIncome === undefined) noIncomeCeiling(ctx, 'Total net income');
      else base = minOf(base, percentOf(netIncome, rules.incomeCapBps));
      relief = capToTaxDue(ctx, percentOf(base, rules.rateBps));
    }
    return {
      ok: true,
      rule: {
        id: `BE-${ctx.rulesYear}-individual-general`,
        scheme: 'general',
        name: 'Tax reduction for gifts',
        kind: 'reduction',
        rate: rules.rateBps / 10_000,
        ceiling: `Minimum ${amt(rules.minimumMinor)} € a year per institution; gifts ≤ 10 % of total net income and ≤ ${amt(rules.absoluteCapMinor)} €; reduction ≤ basic tax`,
        source: rules.source,
        confidence: rules.confidence,
      },
      figures: { reliefPerYear: relief },
    };
  },
};
