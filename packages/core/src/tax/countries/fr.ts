/**
 * France: réduction d'impôt for gifts (CGI art. 200), IFI (CGI art. 978), companies (CGI 238 bis).
 * Import this module alone with `computeReliefWith(fr, input)` to ship only France.
 * @module
 */

import { amt, capToTaxDue, noIncomeCeiling, unsupportedScheme, weightedBps } from '../helpers.js';
import { minOf, nonNegative, percentOf } from '../money.js';
import { currencies } from '../country-facts.js';
import type { CalcContext, Confidence, CountryModule, CountryOutcome, MoneyProfileKey } from '../types.js';

/** The income the ceiling is computed on (the module's `incomeKey`). */
const INCOME_KEY = 'taxableIncome' satisfies MoneyProfileKey;

/** The 75 % ("Coluche") ceiling, possibly split by gift date within the year. */
export interface FrAidCeiling {
  /** Ceiling for the whole year's 75 % gifts, minor units. */
  readonly ceilingMinor: number;
  /** Gifts made before `before` (ISO date) share a lower ceiling. */
  readonly earlier?: { readonly before: string; readonly ceilingMinor: number };
  readonly source: string;
  readonly confidence: Confidence;
}

/** One tax year of French rules. Amounts in euro cents, rates in basis points. */
export interface FrYearRules {
  readonly individual: {
    readonly general: {
      readonly rateBps: number;
      /** Eligible base ≤ this share of taxable income (revenu imposable). */
      readonly incomeCapBps: number;
      readonly carryForwardYears: number;
      readonly source: string;
      readonly confidence: Confidence;
    };
    /** Bodies giving free meals, care or housing, or helping victims of domestic violence. */
    readonly aidToPeopleInDifficulty: { readonly rateBps: number } & FrAidCeiling;
    readonly ifi: { readonly rateBps: number; readonly capMinor: number; readonly source: string; readonly confidence: Confidence };
  };
  readonly company: {
    readonly rateBps: number;
    /** Rate on the part above `reducedAboveMinor` (not for bodies helping people in difficulty). */
    readonly reducedRateBps: number;
    readonly reducedAboveMinor: number;
    /** Eligible base ≤ max(floorMinor, turnoverBps × turnover excl. VAT). */
    readonly floorMinor: number;
    readonly turnoverBps: number;
    readonly carryForwardYears: number;
    readonly source: string;
    readonly confidence: Confidence;
  };
}

const GENERAL = {
  rateBps: 6600, // 66 %: service-public F426 (2025/2026); legifiscal.fr (2025) — H
  incomeCapBps: 2000, // 20 % of revenu imposable: F426 (2025/2026); legifiscal.fr (2025) — H
  carryForwardYears: 5, // CGI 200-1; briancon-basket-ball.com calculator (undated) — H
  source: 'CGI art. 200; service-public F426 (updated for LF 2026, JO 20 Feb 2026); legifiscal.fr (2025); carry-over: CGI 200-1',
  confidence: 'H',
} as const;

const IFI = {
  rateBps: 7500, // 75 % of gifts: CGI art. 978 — H
  capMinor: 5_000_000, // 50 000 €/yr: CGI art. 978; patrimoine-varengeville.fr (undated) — H
  source: 'CGI art. 978; patrimoine-varengeville.fr (undated)',
  confidence: 'H',
} as const;

const COMPANY = {
  rateBps: 6000, // 60 % up to 2 M€: CGI 238 bis; nosdeputes.fr LF 2020 debates (2019) — H
  reducedRateBps: 4000, // 40 % above 2 M€ — H
  reducedAboveMinor: 200_000_000, // 2 M€ — H
  floorMinor: 2_000_000, // 20 000 € — H
  turnoverBps: 50, // 0.5 % of turnover excl. VAT — H
  carryForwardYears: 5, // excess carried forward 5 years — H
  source: 'CGI art. 238 bis; nosdeputes.fr debates on the LF 2020 reform (2019). No change found for LF 2026 ⚠',
  confidence: 'M', // H for the rule, M for "no 2026 change"
} as const;

const AID_SOURCE =
  'loi n° 2025-127 (14 Feb 2025) arts. 5–6; BOFiP ACTU-2025-00070; service-public A18836 (9 Mar 2026); ' +
  'Que Choisir n174642 (2026); moneyvox 107679 (2026); LF 2026 art. 9 (JO 20 Feb 2026)';

/** French rules by tax year. */
export const FR_RULES: Readonly<Record<number, FrYearRules>> = {
  2025: {
    individual: {
      general: GENERAL,
      aidToPeopleInDifficulty: {
        rateBps: 7500,
        // From 14 Oct 2025: 2 000 €/yr (LF 2026 art. 9); before: 1 000 € (LF 2025). Mixed-date reading ⚠ (A18836 cut off): M.
        ceilingMinor: 200_000,
        earlier: { before: '2025-10-14', ceilingMinor: 100_000 },
        source: AID_SOURCE,
        confidence: 'M',
      },
      ifi: IFI,
    },
    company: COMPANY,
  },
  2026: {
    individual: {
      general: GENERAL,
      aidToPeopleInDifficulty: {
        rateBps: 7500,
        ceilingMinor: 200_000, // 2 000 € (LF 2026 art. 9; service-public A18836, 9 Mar 2026) — H
        source: AID_SOURCE,
        confidence: 'H',
      },
      ifi: IFI,
    },
    company: COMPANY,
  },
};

const AID = 'aid-to-people-in-difficulty';
const SCHEMES = [AID, 'ifi'] as const;

/**
 * Split the year's gifts into those made before and from an ISO date.
 * One-off / yearly gifts use `giftDate`; without it, they are counted as "before" (the lower
 * ceiling: conservative). Monthly / quarterly gifts are spread over the calendar year on the
 * day of month of `giftDate` (default: the 1st).
 */
export function splitByDate(ctx: CalcContext, cutoff: string): { before: number; after: number } {
  const year = ctx.taxYear;
  if (ctx.periodsPerYear === 1) {
    if (ctx.giftDate === undefined) {
      ctx.note(
        'gift-date-unknown',
        `The gift date is not given: the lower ceiling for gifts made before ${cutoff} is applied (conservative).`,
      );
      return { before: ctx.annualMinor, after: 0 };
    }
    return ctx.giftDate < cutoff ? { before: ctx.annualMinor, after: 0 } : { before: 0, after: ctx.annualMinor };
  }
  let day = 1;
  let firstMonth = 1;
  if (ctx.giftDate === undefined) {
    ctx.note(
      'payment-day-assumed',
      `Regular gifts are assumed to be paid on the 1st of each ${ctx.periodsPerYear === 12 ? 'month' : 'quarter'} from January.`,
    );
  } else {
    day = Number(ctx.giftDate.slice(8, 10));
    firstMonth = ((Number(ctx.giftDate.slice(5, 7)) - 1) % (12 / ctx.periodsPerYear)) + 1;
    ctx.note('payment-schedule-assumed', `Regular gifts are assumed to be paid all year on day ${day} of the month of each period.`);
  }
  let count = 0;
  for (let m = firstMonth; m <= 12; m += 12 / ctx.periodsPerYear) {
    const date = `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (date < cutoff) count += 1;
  }
  const before = ctx.amountMinor * count;
  return { before, after: ctx.annualMinor - before };
}

function individual(ctx: CalcContext, rules: FrYearRules['individual']): CountryOutcome {
  const annual = ctx.annualMinor;
  if (ctx.scheme === 'ifi') {
    const { rateBps, capMinor, source, confidence } = rules.ifi;
    let relief = minOf(percentOf(annual, rateBps), capMinor);
    if (relief === capMinor) ctx.note('ifi-cap-reached', `The IFI reduction is capped at ${amt(capMinor)} € a year.`);
    relief = capToTaxDue(ctx, relief, 'ifiDue');
    ctx.note('ifi-not-also-income-tax', 'A gift used for the IFI reduction cannot also reduce income tax.');
    return {
      ok: true,
      rule: {
        id: `FR-${ctx.rulesYear}-individual-ifi`,
        scheme: 'ifi',
        name: 'IFI (wealth-tax) reduction for gifts',
        kind: 'reduction',
        rate: rateBps / 10_000,
        ceiling: `Reduction ≤ ${amt(capMinor)} € a year and ≤ the IFI due`,
        source,
        confidence,
      },
      figures: { reliefPerYear: relief },
    };
  }

  const { general } = rules;
  const taxable = ctx.money(INCOME_KEY);
  const cap20 = taxable === undefined ? undefined : percentOf(taxable, general.incomeCapBps);
  if (cap20 === undefined) noIncomeCeiling(ctx, 'Taxable income (revenu imposable)');

  let at75 = 0;
  const isAid = ctx.scheme === AID;
  if (isAid) {
    const aid = rules.aidToPeopleInDifficulty;
    if (aid.earlier) {
      const { before, after } = splitByDate(ctx, aid.earlier.before);
      at75 = minOf(minOf(before, aid.earlier.ceilingMinor) + after, aid.ceilingMinor);
      ctx.note(
        'fr-75-ceiling-by-date',
        `75 % applies to at most ${amt(aid.earlier.ceilingMinor)} € of gifts made before ${aid.earlier.before} and ${amt(aid.ceilingMinor)} € in total.`,
      );
    } else {
      at75 = minOf(annual, aid.ceilingMinor);
    }
    if (annual > at75) {
      ctx.note('fr-75-ceiling-exceeded', 'The part above the 75 % ceiling gets 66 %, within the 20 % of income limit.');
    }
  }
  const rest = annual - at75;
  const at66 = cap20 === undefined ? rest : minOf(rest, cap20);
  const carry = rest - at66;
  ctx.note('no-other-gifts', 'Assumes no other gifts this year share the ceilings.');
  const relief = capToTaxDue(
    ctx,
    weightedBps([
      [at75, rules.aidToPeopleInDifficulty.rateBps],
      [at66, general.rateBps],
    ]),
  );
  const aid = rules.aidToPeopleInDifficulty;
  return {
    ok: true,
    rule: isAid
      ? {
          id: `FR-${ctx.rulesYear}-individual-${AID}`,
          scheme: AID,
          name: 'Income-tax reduction for gifts to bodies helping people in difficulty',
          kind: 'reduction',
          rate: aid.rateBps / 10_000,
          tiers: [
            { upTo: aid.ceilingMinor / 100, rate: aid.rateBps / 10_000 },
            { upTo: null, rate: general.rateBps / 10_000 },
          ],
          ceiling:
            (aid.earlier
              ? `75 % on up to ${amt(aid.earlier.ceilingMinor)} € of gifts made before ${aid.earlier.before}, ${amt(aid.ceilingMinor)} € in total`
              : `75 % on up to ${amt(aid.ceilingMinor)} € a year`) +
            '; the rest at 66 % within 20 % of taxable income; excess carried forward 5 years',
          source: `${aid.source}; ${general.source}`,
          confidence: aid.confidence,
        }
      : {
          id: `FR-${ctx.rulesYear}-individual-general`,
          scheme: 'general',
          name: 'Income-tax reduction for gifts',
          kind: 'reduction',
          rate: general.rateBps / 10_000,
          ceiling: `Gifts up to 20 % of taxable income; excess carried forward ${general.carryForwardYears} years`,
          source: general.source,
          confidence: general.confidence,
        },
    figures: { reliefPerYear: relief, carryForward: carry, carryForwardYears: general.carryForwardYears },
  };
}

function company(ctx: CalcContext, rules: FrYearRules['company']): CountryOutcome {
  const annual = ctx.annualMinor;
  const turnover = ctx.money('turnover');
  let base = annual;
  if (turnover === undefined) {
    ctx.note(
      'no-turnover-ceiling-applied',
      `Turnover not given: the ceiling of max(${amt(rules.floorMinor)} €, 0.5 % of turnover) was not applied.`,
    );
  } else {
    base = minOf(annual, Math.max(rules.floorMinor, percentOf(turnover, rules.turnoverBps)));
  }
  const isAid = ctx.scheme === AID;
  const reducedBps = isAid ? rules.rateBps : rules.reducedRateBps;
  const high = nonNegative(base - rules.reducedAboveMinor);
  const relief = capToTaxDue(
    ctx,
    weightedBps([
      [base - high, rules.rateBps],
      [high, reducedBps],
    ]),
  );
  return {
    ok: true,
    rule: {
      id: `FR-${ctx.rulesYear}-company-${isAid ? AID : 'general'}`,
      scheme: isAid ? AID : 'general',
      name: 'Corporate sponsorship (mécénat) tax reduction',
      kind: 'reduction',
      rate: rules.rateBps / 10_000,
      tiers: [
        { upTo: rules.reducedAboveMinor / 100, rate: rules.rateBps / 10_000 },
        { upTo: null, rate: reducedBps / 10_000 },
      ],
      ceiling: `Gifts up to max(${amt(rules.floorMinor)} €, 0.5 % of turnover excl. VAT); excess carried forward ${rules.carryForwardYears} years`,
      source: rules.source,
      confidence: rules.confidence,
    },
    figures: { reliefPerYear: relief, carryForward: annual - base, carryForwardYears: rules.carryForwardYears },
  };
}

/** France rules module. */
export const fr: CountryModule<FrYearRules> = {
  country: 'FR',
  currency: currencies.FR,
  incomeKey: INCOME_KEY,
  name: 'France',
  schemes: SCHEMES,
  years: FR_RULES,
  compute(ctx, rules) {
    if (ctx.scheme !== 'general' && !(SCHEMES as readonly string[]).includes(ctx.scheme)) {
      return unsupportedScheme(ctx, ['general', ...SCHEMES]);
    }
    if (ctx.donor === 'company') {
      if (ctx.scheme === 'ifi') return unsupportedScheme(ctx, ['general', AID]);
      return company(ctx, rules.company);
    }
    return individual(ctx, rules.individual);
  },
};
