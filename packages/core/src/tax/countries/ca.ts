/**
 * Canada: charitable donation tax credit (non-refundable), ITA s. 118.1, federal + provincial.
 * @module
 */

import { amt, isNonTaxpayer, noIncomeCeiling, unsupported, unsupportedDonor, unsupportedScheme, weightedBps } from '../helpers.js';
import { minOf, nonNegative, percentOf } from '../money.js';
import { currencies } from '../country-facts.js';
import type { Confidence, CountryModule, MoneyProfileKey } from '../types.js';

/** The income the ceiling is computed on (the module's `incomeKey`). */
const INCOME_KEY = 'taxableIncome' satisfies MoneyProfileKey;

/** Provincial donation-credit rates, basis points. */
export interface CaProvinceRates {
  readonly name: string;
  /** On the first $200. */
  readonly lowBps: number;
  /** Above $200. */
  readonly highBps: number;
  /** Top rate above the provincial top-bracket threshold (threshold not in the table: not applied). */
  readonly topBps?: number;
  readonly source: string;
  readonly confidence: Confidence;
}

/** One tax year of Canadian rules. Amounts in cents, rates in basis points. */
export interface CaYearRules {
  readonly federal: {
    readonly firstTierMinor: number;
    readonly lowBps: number;
    readonly highBps: number;
    readonly topBps: number;
    /** Federal top-bracket threshold (33 % on gifts matched by income above it). */
    readonly topThresholdMinor: number;
    readonly source: string;
    readonly confidence: Confidence;
  };
  /** Donations claimed ≤ this share of net income; excess carried forward. */
  readonly netIncomeCapBps: number;
  readonly carryForwardYears: number;
  readonly provinces: Readonly<Record<string, CaProvinceRates>>;
}

const PROV_SOURCE = 'taxtips.ca 2024 provincial donation-credit table (used for 2025/2026 ⚠ re-check)';

/** Provincial rates (2024 table, taxtips.ca — M; applied to 2025 and 2026 ⚠). */
export const CA_PROVINCES: Readonly<Record<string, CaProvinceRates>> = {
  ON: { name: 'Ontario', lowBps: 505, highBps: 1116, source: PROV_SOURCE, confidence: 'M' },
  QC: { name: 'Quebec', lowBps: 2000, highBps: 2400, topBps: 2575, source: PROV_SOURCE, confidence: 'M' },
  AB: { name: 'Alberta', lowBps: 6000, highBps: 2100, source: PROV_SOURCE, confidence: 'M' },
  BC: { name: 'British Columbia', lowBps: 506, highBps: 1680, topBps: 2050, source: PROV_SOURCE, confidence: 'M' },
};

const FED_SOURCE =
  'ITA s. 118.1; canada.ca CRA rates page (2016/17); investmentexecutive.com (Nov 2025, Bill C-4 lowest rate); turbotax.intuit.ca; childrenbelieve.ca';

/** Canadian rules by tax year. */
export const CA_RULES: Readonly<Record<number, CaYearRules>> = {
  2025: {
    federal: {
      firstTierMinor: 20_000, // first $200 — H
      lowBps: 1450, // 14.5 % (2025), Bill C-4 ⚠ (the first-$200 rate follows the lowest bracket rate) — M
      highBps: 2900, // 29 % above $200 — H
      topBps: 3300, // 33 % — H
      topThresholdMinor: 25_341_400, // $253 414 (2025) — M
      source: FED_SOURCE,
      confidence: 'M',
    },
    netIncomeCapBps: 7500, // 75 % of net income: turbotax.intuit.ca; childrenbelieve.ca — H
    carryForwardYears: 5, // — H
    provinces: CA_PROVINCES,
  },
  2026: {
    federal: {
      firstTierMinor: 20_000,
      lowBps: 1400, // 14 % (2026+), Bill C-4 ⚠ — M
      highBps: 2900,
      topBps: 3300,
      topThresholdMinor: 25_848_200, // $258 482 (2026) ⚠ — M
      source: FED_SOURCE,
      confidence: 'M',
    },
    netIncomeCapBps: 7500,
    carryForwardYears: 5,
    provinces: CA_PROVINCES,
  },
};

/** Canada rules module. */
export const ca: CountryModule<CaYearRules> = {
  country: 'CA',
  currency: currencies.CA,
  incomeKey: INCOME_KEY,
  name: 'Canada',
  schemes: [],
  years: CA_RULES,
  compute(ctx, rules) {
    if (ctx.donor === 'company') return unsupportedDonor(ctx);
    if (ctx.scheme !== 'general') return unsupportedScheme(ctx, ['general']);
    const federalOnly = ctx.profile.federalOnly === true;
    const code = ctx.profile.province;
    const province = code === undefined ? undefined : rules.provinces[code];
    if (!federalOnly && code !== undefined && province === undefined) {
      return unsupported(
        'unsupported-region',
        `Province or territory "${code}" is not modelled (modelled: ${Object.keys(rules.provinces).join(', ')}); use federalOnly for the federal credit.`,
      );
    }
    const fed = rules.federal;
    const annual = ctx.annualMinor;
    const income = ctx.money(INCOME_KEY);
    let claim = annual;
    if (income === undefined) {
      noIncomeCeiling(ctx, 'Taxable income');
      ctx.note('top-rate-not-applied', 'Taxable income not given: the 33 % rate for income above the top bracket is not applied.');
    } else {
      claim = minOf(annual, percentOf(income, rules.netIncomeCapBps));
      ctx.note('net-income-approximated', 'The 75 % of net income limit is applied to taxable income (never above net income).');
    }
    const first = minOf(claim, fed.firstTierMinor);
    const rest = claim - first;
    const top = income === undefined ? 0 : minOf(rest, nonNegative(income - fed.topThresholdMinor));

    let federal = weightedBps([
      [first, fed.lowBps],
      [top, fed.topBps],
      [rest - top, fed.highBps],
    ]);
    let provincial: number | null | undefined;
    if (federalOnly) {
      ctx.note('federal-only', 'Federal credit only, as asked: the provincial credit is not included.');
    } else if (province === undefined) {
      ctx.need('province');
      ctx.note('province-unknown', 'Province not given: the provincial credit, and so the total relief, cannot be computed.');
      provincial = null;
    } else {
      provincial = weightedBps([
        [first, province.lowBps],
        [rest, province.highBps],
      ]);
      if (province.topBps !== undefined) {
        ctx.note(
          'provincial-top-rate-not-applied',
          `${province.name}'s ${province.topBps / 100} % top rate (for income above its top bracket) is not applied: the figure may be low.`,
        );
      }
    }
    if (isNonTaxpayer(ctx)) {
      federal = 0;
      if (provincial !== null && provincial !== undefined) provincial = 0;
    } else {
      ctx.note('taxpayer', 'Assumes the donor owes enough tax to use the credit: it is not refundable.');
    }
    const relief = provincial === null ? null : federal + (provincial ?? 0);
    return {
      ok: true,
      rule: {
        id: `CA-${ctx.rulesYear}-individual-general`,
        scheme: 'general',
        name: 'Charitable donation tax credit',
        kind: 'credit',
        rate: fed.lowBps / 10_000,
        tiers: [
          { upTo: fed.firstTierMinor / 100, rate: fed.lowBps / 10_000 },
          { upTo: null, rate: fed.highBps / 10_000 },
        ],
        ceiling: `Federal ${fed.lowBps / 100} % on the first $${amt(fed.firstTierMinor)}, 29 % above (33 % where income exceeds $${amt(fed.topThresholdMinor)}); claims ≤ 75 % of net income, excess carried forward ${rules.carryForwardYears} years`,
        source: province ? `${fed.source}; ${province.source}` : fed.source,
        confidence: fed.confidence,
      },
      figures: {
        reliefPerYear: relief,
        federalCredit: federal,
        ...(provincial === undefined ? {} : { provincialCredit: provincial }),
        carryForward: annual - claim,
        carryForwardYears: rules.carryForwardYears,
      },
    };
  },
};
