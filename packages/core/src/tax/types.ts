/**
 * Types of the tax-relief rules engine.
 *
 * Everything here is DOM-free and side-effect free. Amounts named `...Minor` are integers in the
 * currency's minor unit (cents); amounts without the suffix in a result are major units rounded to
 * 2 decimals (half away from zero).
 *
 * @module
 */

import type { ReliefInput } from './schema.js';

export type { ReliefInput, ReliefProfile } from './schema.js';

/** ISO 3166-1 alpha-2 codes of the countries that have a rules module. */
export type CountryCode = 'FR' | 'GB' | 'IE' | 'BE' | 'ES' | 'IT' | 'NL' | 'DE' | 'CH' | 'CA' | 'US' | 'PT' | 'LU' | 'AT';

/** ISO 4217 currencies used by the supported countries (all have 2 decimals). */
export type Currency = 'EUR' | 'GBP' | 'CHF' | 'CAD' | 'USD';

/**
 * Confidence of a figure, as graded in `tax-rules.md`:
 * H = official text or several concordant recent sources; M = one recent secondary source, or an
 * official source older than the rule year; L = general knowledge or an undated / stale source.
 */
export type Confidence = 'H' | 'M' | 'L';

/** Gift frequency. `once` and `yearly` both mean one gift a year. */
export type Frequency = 'once' | 'monthly' | 'quarterly' | 'yearly';

/** Donor type. */
export type Donor = 'individual' | 'company';

/**
 * How the relief works:
 * - `reduction` / `credit`: a percentage of the gift comes off the tax bill (non-refundable);
 * - `deduction`: the gift reduces taxable income, worth gift × marginal rate;
 * - `gift-aid`: GB, the charity reclaims basic-rate tax, higher-rate donors reclaim the difference;
 * - `charity-refund`: IE, the charity claims the tax, the donor gets nothing.
 */
export type ReliefKind = 'reduction' | 'credit' | 'deduction' | 'gift-aid' | 'charity-refund';

/** Why an estimate cannot be given. */
export type UnsupportedReason =
  'unsupported-country' | 'unsupported-year' | 'unsupported-scheme' | 'unsupported-donor' | 'unsupported-region' | 'missing-profile';

/** A machine code plus its English explanation. */
export interface Note {
  /** Stable machine code, e.g. `no-income-ceiling-applied`. */
  readonly code: string;
  /** One English sentence for a reader. */
  readonly text: string;
}

/** The rule that produced a figure, for display ("66 %", source, confidence). */
export interface RuleInfo {
  /** Stable id, e.g. `FR-2026-individual-general`. */
  readonly id: string;
  readonly country: CountryCode;
  /** The year of the rules applied (the estimate's `rulesYear`). */
  readonly taxYear: number;
  readonly scheme: string;
  readonly donor: Donor;
  /** Short English name. */
  readonly name: string;
  readonly kind: ReliefKind;
  /**
   * Headline statutory rate (0..1), e.g. 0.66. `null` for deductions, whose value is the donor's
   * marginal rate. See `tiers` for multi-rate rules.
   */
  readonly rate: number | null;
  /** Further statutory rates, e.g. ES `[{ upTo: 250, rate: 0.8 }, { upTo: null, rate: 0.4 }]`. */
  readonly tiers?: readonly { readonly upTo: number | null; readonly rate: number }[];
  /** Ceilings, floors and minimums in words. */
  readonly ceiling: string;
  /** Where the figures come from (copied from tax-rules.md). */
  readonly source: string;
  readonly confidence: Confidence;
}

/** Monetary figures of an estimate; same keys in `minor` (integers) and top level (major units). */
export interface ReliefFigures<T = number> {
  /** amount × periods per year. */
  readonly annualGift: T;
  /** What the donor gets back per year; `null` when a profile fact (see `missing`) is needed. */
  readonly reliefPerYear: T | null;
  /** annualGift − reliefPerYear. */
  readonly netCostPerYear: T | null;
  /** netCostPerYear ÷ periodsPerYear. */
  readonly netCostPerPeriod: T | null;
  /** What the charity ends up with per year (GB Gift Aid and IE refunds included). */
  readonly charityReceivesPerYear: T;
  /** GB: the basic-rate tax the charity reclaims (25p per £1). */
  readonly giftAidUpliftPerYear?: T;
  /** IE: the refund the charity claims (31/69 of the gift). */
  readonly charityRefundPerYear?: T;
  /** Deduction countries: the part of the gift that reduces taxable income (before any floor). */
  readonly deductibleAmount?: T;
  /** Same as `deductibleAmount` where an excess is carried forward. */
  readonly deductibleThisYear?: T;
  /** The part of the gift over the ceiling that can be used in later years. */
  readonly carryForward?: T;
  /** CA: federal credit. */
  readonly federalCredit?: T;
  /** CA: provincial credit; `null` when the province is not known. */
  readonly provincialCredit?: T | null;
}

/** A successful estimate. */
export interface ReliefEstimate extends ReliefFigures<number> {
  readonly ok: true;
  readonly country: CountryCode;
  /** The tax year asked for (or, without `taxYear` in the input, the one in progress). */
  readonly taxYear: number;
  /**
   * The year of the rules applied: `taxYear` when its rules are modelled; without `taxYear` in the input, the
   * latest earlier year's when they are not (rules stay in force until replaced; a `rules-year-carried-forward`
   * note says so).
   */
  readonly rulesYear: number;
  readonly donor: Donor;
  /** The scheme that was applied (`general` resolved to the country's default). */
  readonly scheme: string;
  readonly frequency: Frequency;
  readonly currency: Currency;
  readonly periodsPerYear: number;
  /** reliefPerYear ÷ annualGift, 4 decimals; `null` if unknown or the gift is 0. */
  readonly effectiveRate: number | null;
  /** Years the `carryForward` can be used in; `null` = without limit (DE). */
  readonly carryForwardYears?: number | null;
  /** The same figures in integer minor units (cents). */
  readonly minor: ReliefFigures<number>;
  /** None of the modelled reliefs is paid out to a donor who owes no tax. */
  readonly refundable: false;
  /** True when every figure is known (no `null`). */
  readonly complete: boolean;
  /** Profile keys that would complete the figures (e.g. `marginalRate`). */
  readonly missing: readonly string[];
  readonly rule: RuleInfo;
  /** Machine codes of the assumptions made (see `notes` for their English text). */
  readonly assumptions: readonly string[];
  /** Assumptions and caveats, with English text. */
  readonly notes: readonly Note[];
}

/** "Cannot estimate": the engine never invents a figure. */
export interface ReliefUnavailable {
  readonly ok: false;
  readonly reason: UnsupportedReason;
  /** English explanation for a reader. */
  readonly message: string;
  readonly country: string;
  readonly taxYear: number;
  /** With `reason: 'missing-profile'`: the profile keys needed. */
  readonly missing?: readonly string[];
}

/** Result of {@link computeRelief}: discriminate on `ok`. */
export type ReliefResult = ReliefEstimate | ReliefUnavailable;

/** Options of `computeRelief` / `computeReliefWith`. */
export interface ComputeOptions {
  /**
   * When false, an estimate that lacks a profile fact (e.g. the marginal rate of a deduction
   * country) is returned as `{ ok: false, reason: 'missing-profile', missing }` instead of an
   * estimate with `null` figures. Default true.
   */
  readonly allowPartial?: boolean;
  /**
   * The moment "now" is, for an input with neither `taxYear` nor `giftDate`: its date (local time) gives the
   * tax year in progress. Default: the clock.
   */
  readonly now?: Date;
}

/** The validated input, normalised for country modules (minor units, resolved scheme). */
export interface CalcInput {
  readonly country: CountryCode;
  /** The tax year asked for, or the one in progress when the input named none. */
  readonly taxYear: number;
  /** True when the input named the tax year (then only that year's rules apply). */
  readonly taxYearGiven: boolean;
  readonly giftDate: string | undefined;
  readonly donor: Donor;
  /** Scheme as given (`general` if absent). Country modules resolve it. */
  readonly scheme: string;
  readonly frequency: Frequency;
  readonly periodsPerYear: number;
  readonly amountMinor: number;
  readonly annualMinor: number;
  readonly profile: NonNullable<ReliefInput['profile']>;
}

/** Profile keys holding money amounts in major units. */
export type MoneyProfileKey =
  | 'taxableIncome'
  | 'incomeTaxDue'
  | 'ifiDue'
  | 'turnover'
  | 'netIncome'
  | 'income'
  | 'thresholdIncome'
  | 'totalIncome'
  | 'otherSpecialExpenses'
  | 'agi'
  | 'taxAssessed';

/** What a country module sees: the input plus collectors for notes and missing facts. */
export interface CalcContext extends CalcInput {
  /** The year of the rules being applied (see {@link ReliefEstimate.rulesYear}). */
  readonly rulesYear: number;
  /** A money profile value in minor units, or undefined if absent. */
  money(key: MoneyProfileKey): number | undefined;
  /** Record an assumption or caveat. */
  note(code: string, text: string): void;
  /** Record a profile key the figure needs. */
  need(key: string): void;
}

/** Rule metadata a country module returns with its figures. */
export type RuleMeta = Omit<RuleInfo, 'country' | 'taxYear' | 'donor'>;

/** Figures (minor units) a country module returns; the engine derives net cost and major units. */
export interface CountryFigures {
  readonly reliefPerYear: number | null;
  /** Defaults to the annual gift. */
  readonly charityReceivesPerYear?: number;
  readonly giftAidUpliftPerYear?: number;
  readonly charityRefundPerYear?: number;
  readonly deductibleAmount?: number;
  readonly deductibleThisYear?: number;
  readonly carryForward?: number;
  readonly carryForwardYears?: number | null;
  readonly federalCredit?: number;
  readonly provincialCredit?: number | null;
}

/** Outcome of a country module's `compute`. */
export type CountryOutcome =
  | { readonly ok: true; readonly rule: RuleMeta; readonly figures: CountryFigures }
  | { readonly ok: false; readonly reason: UnsupportedReason; readonly message: string };

/**
 * A country rules module: a data table versioned by tax year plus the function applying it.
 * Import one module (e.g. `countries/fr.ts`) and pass it to `computeReliefWith` to ship only
 * that country to a browser.
 */
export interface CountryModule<T = unknown> {
  readonly country: CountryCode;
  /** The country's currency, from `currencies` (./country-facts.ts), which a page can know before the rules load. */
  readonly currency: Currency;
  /**
   * The profile key of the income an income-based ceiling is computed on (FR revenu imposable, DE Gesamtbetrag
   * der Einkünfte, NL drempelinkomen, US AGI…); none where the relief has no income ceiling (GB, IE, PT).
   */
  readonly incomeKey?: MoneyProfileKey;
  /** English country name. */
  readonly name: string;
  /** Schemes accepted besides `general` (which maps to the country's default). */
  readonly schemes: readonly string[];
  /**
   * The rules, one entry per year in which they changed: a year's rules stay in force, for inputs that do not
   * name a tax year, until a later entry replaces them (see `lastYearInForce`).
   */
  readonly years: Readonly<Record<number, T>>;
  /** Set when the rules are known to end (a scheme with a sunset): they are not carried past `year`. */
  readonly lastYearInForce?: { readonly year: number; readonly reason: string };
  /** Apply one year's rules. Called only with a year present in `years`. */
  compute(ctx: CalcContext, rules: T): CountryOutcome;
}
