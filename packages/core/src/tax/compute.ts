/**
 * The rules engine without input validation: finds the country module and tax year, applies the
 * rules and builds the result (major and minor units, rule, assumptions).
 *
 * It imports no schema library, so a caller that builds its input itself from values it has
 * already checked (a web component reading its own attributes) can ship the engine without zod:
 * `computeTrustedRelief([fr], { country: 'FR', taxYear: 2026, donor: 'individual', amount: 15, frequency: 'monthly' })`.
 * Anything else (JSON, user data, another program) goes through `computeReliefWith` in
 * `./engine.ts`, which validates with the zod schema first and then calls the same code.
 *
 * @module
 */

import { taxYearBounds, taxYearOn } from './calendar.js';
import { divideMinor, toMajor, toMinor } from './money.js';
import type {
  CalcContext,
  CalcInput,
  ComputeOptions,
  CountryCode,
  CountryModule,
  Frequency,
  MoneyProfileKey,
  Note,
  ReliefEstimate,
  ReliefFigures,
  ReliefInput,
  ReliefResult,
  ReliefUnavailable,
} from './types.js';

/** Gifts a year for each frequency. */
export const PERIODS_PER_YEAR: Readonly<Record<Frequency, number>> = {
  once: 1,
  yearly: 1,
  quarterly: 4,
  monthly: 12,
};

/** Thrown for an input that does not match {@link reliefInputSchema}. */
export class ReliefInputError extends TypeError {
  /** One line per problem, e.g. `amount: amount must be ≥ 0`. */
  readonly issues: readonly string[];
  constructor(issues: readonly string[]) {
    super(`Invalid tax-relief input: ${issues.join('; ')}`);
    this.name = 'ReliefInputError';
    this.issues = issues;
  }
}

/**
 * Normalise an input that already has the schema's shape and ranges: country and province codes
 * upper-cased, the amount converted to minor units once, the scheme defaulted to `general`, and a missing
 * `taxYear` resolved to the tax year of `giftDate`, else of `now` (the country's tax year in progress).
 * The input is not modified.
 * @param now the moment "now" is for an input with neither `taxYear` nor `giftDate` (default: the clock)
 * @throws {ReliefInputError} when `giftDate` is outside the tax year.
 */
export function normaliseReliefInput(value: ReliefInput, now?: Date): CalcInput {
  const country = value.country.toUpperCase() as CountryCode;
  const taxYearGiven = value.taxYear !== undefined;
  const taxYear = value.taxYear ?? taxYearOn(country, value.giftDate ?? now ?? new Date());
  const periodsPerYear = PERIODS_PER_YEAR[value.frequency];
  const amountMinor = toMinor(value.amount);
  const profile = { ...value.profile };
  if (profile.province !== undefined) profile.province = profile.province.toUpperCase();
  if (value.giftDate !== undefined) checkGiftDate(country, taxYear, value.giftDate);
  return {
    country,
    taxYear,
    taxYearGiven,
    giftDate: value.giftDate,
    donor: value.donor,
    scheme: value.scheme ?? 'general',
    frequency: value.frequency,
    periodsPerYear,
    amountMinor,
    annualMinor: amountMinor * periodsPerYear,
    profile,
  };
}

/** The gift date must fall in the tax year (GB: 6 April of taxYear to 5 April of the next year). */
function checkGiftDate(country: string, taxYear: number, giftDate: string): void {
  const [from, to] = taxYearBounds(country, taxYear);
  if (giftDate < from || giftDate > to) {
    throw new ReliefInputError([`giftDate: ${giftDate} is outside tax year ${taxYear} (${from} to ${to})`]);
  }
}

function unavailable(
  reason: ReliefUnavailable['reason'],
  message: string,
  country: string,
  taxYear: number,
  missing?: readonly string[],
): ReliefUnavailable {
  return missing ? { ok: false, reason, message, country, taxYear, missing } : { ok: false, reason, message, country, taxYear };
}

function isModuleList(m: CountryModule | readonly CountryModule[]): m is readonly CountryModule[] {
  return Array.isArray(m);
}

function findModule(modules: CountryModule | readonly CountryModule[], country: string) {
  const list: readonly CountryModule[] = isModuleList(modules) ? modules : [modules];
  return list.find((m) => m.country === country);
}

/**
 * The rule table of one country and tax year, or `undefined` when not modelled.
 * @param modules one country module or a list of them
 * @param country ISO alpha-2 code (case-insensitive)
 * @param taxYear calendar year (GB: the tax year starting in April)
 */
export function ruleForWith<T>(modules: CountryModule<T> | readonly CountryModule<T>[], country: string, taxYear: number): T | undefined {
  const mod = findModule(modules as readonly CountryModule[], country.toUpperCase()) as CountryModule<T> | undefined;
  return mod && Object.hasOwn(mod.years, taxYear) ? mod.years[taxYear] : undefined;
}

/**
 * The year of the rules that apply to a tax year: that year's own when modelled; else, when the caller did not
 * name the year (it asked for "now"), the latest earlier year's, since rules stay in force until a later law
 * replaces them, unless the country's rules are known to end before it. Otherwise the reason there are none.
 */
function rulesYearFor(mod: CountryModule, taxYear: number, taxYearGiven: boolean): number | string {
  if (Object.hasOwn(mod.years, taxYear)) return taxYear;
  const years = Object.keys(mod.years).map(Number);
  const unknown = `The ${mod.name} rules for tax year ${taxYear} are not known (modelled years: ${years.join(', ')})`;
  if (taxYearGiven) return `${unknown}, so the relief cannot be estimated.`;
  const earlier = years.filter((year) => year < taxYear);
  if (earlier.length === 0) return `${unknown}, so the relief cannot be estimated.`;
  const { lastYearInForce } = mod;
  if (lastYearInForce && taxYear > lastYearInForce.year) {
    return `${unknown}, and the ${lastYearInForce.year} rules are not carried forward: ${lastYearInForce.reason} So the relief cannot be estimated.`;
  }
  return Math.max(...earlier);
}

function mapFigures<A, B>(f: ReliefFigures<A>, fn: (v: A) => B): ReliefFigures<B> {
  const out: Record<string, B | null> = {};
  for (const [key, value] of Object.entries(f) as [string, A | null | undefined][]) {
    if (value === undefined) continue;
    out[key] = value === null ? null : fn(value);
  }
  return out as unknown as ReliefFigures<B>;
}

/**
 * Compute the relief of one gift from an input the caller built itself from checked values (for
 * instance a form's own integer amounts): the same figures as `computeReliefWith`, without
 * validating the input against the zod schema, so zod is not loaded. Values outside the schema
 * (a negative amount, a non-integer year, an unknown key) give undefined results: validate
 * anything that comes from outside with `computeReliefWith` or `computeRelief` instead.
 *
 * @param modules the country modules to use (e.g. `[fr]`, or `fr` alone)
 * @param input an input of the schema's type ({@link ReliefInput})
 * @param options `allowPartial: false` turns estimates lacking a profile fact into `missing-profile`
 * @returns `{ ok: true, ...figures }` or `{ ok: false, reason, message }`; never an invented figure
 * @throws {ReliefInputError} when `giftDate` is outside the tax year
 */
export function computeTrustedRelief(
  modules: CountryModule | readonly CountryModule[],
  input: ReliefInput,
  options?: ComputeOptions,
): ReliefResult {
  return computeNormalised(modules, normaliseReliefInput(input, options?.now), options);
}

/** The relief of a normalised input (see {@link normaliseReliefInput}). */
export function computeNormalised(
  modules: CountryModule | readonly CountryModule[],
  calc: CalcInput,
  options: ComputeOptions = {},
): ReliefResult {
  const { country, taxYear } = calc;
  const mod = findModule(modules, country);
  if (!mod) {
    return unavailable('unsupported-country', `Tax relief for ${country} is not modelled, so it cannot be estimated.`, country, taxYear);
  }
  const rulesYear = rulesYearFor(mod, taxYear, calc.taxYearGiven);
  if (typeof rulesYear === 'string') return unavailable('unsupported-year', rulesYear, country, taxYear);

  const notes: Note[] = [];
  const missing: string[] = [];
  if (rulesYear !== taxYear) {
    notes.push({
      code: 'rules-year-carried-forward',
      text:
        `The ${mod.name} rules for tax year ${taxYear} are not modelled: the ${rulesYear} rules are applied, ` +
        'as a law stays in force until a later one replaces it.',
    });
  }
  const ctx: CalcContext = {
    ...calc,
    rulesYear,
    money(key: MoneyProfileKey) {
      const v = calc.profile[key];
      return v === undefined ? undefined : toMinor(v);
    },
    note(code, text) {
      if (!notes.some((n) => n.code === code)) notes.push({ code, text });
    },
    need(key) {
      if (!missing.includes(key)) missing.push(key);
    },
  };
  const outcome = mod.compute(ctx, mod.years[rulesYear]);
  if (!outcome.ok) return unavailable(outcome.reason, outcome.message, country, taxYear);

  const { figures, rule } = outcome;
  const annual = calc.annualMinor;
  const relief = figures.reliefPerYear;
  const net = relief === null ? null : annual - relief;
  const { carryForwardYears, ...money } = figures;
  const minor: ReliefFigures<number> = {
    annualGift: annual,
    ...money,
    reliefPerYear: relief,
    netCostPerYear: net,
    netCostPerPeriod: net === null ? null : divideMinor(net, calc.periodsPerYear),
    charityReceivesPerYear: figures.charityReceivesPerYear ?? annual,
  };
  const complete = relief !== null && figures.provincialCredit !== null;
  if (!complete && options.allowPartial === false) {
    return unavailable('missing-profile', `The relief cannot be estimated without: ${missing.join(', ')}.`, country, taxYear, [...missing]);
  }
  const estimate: ReliefEstimate = {
    ok: true,
    country,
    taxYear,
    rulesYear,
    donor: calc.donor,
    scheme: rule.scheme,
    frequency: calc.frequency,
    currency: mod.currency,
    periodsPerYear: calc.periodsPerYear,
    ...mapFigures(minor, toMajor),
    annualGift: toMajor(annual),
    reliefPerYear: relief === null ? null : toMajor(relief),
    netCostPerYear: net === null ? null : toMajor(net),
    netCostPerPeriod: minor.netCostPerPeriod === null ? null : toMajor(minor.netCostPerPeriod),
    charityReceivesPerYear: toMajor(minor.charityReceivesPerYear),
    effectiveRate: relief === null || annual === 0 ? null : Math.round((relief / annual) * 10_000) / 10_000,
    ...(carryForwardYears !== undefined ? { carryForwardYears } : {}),
    minor,
    refundable: false,
    complete,
    missing,
    rule: { ...rule, country, taxYear: rulesYear, donor: calc.donor },
    assumptions: notes.map((n) => n.code),
    notes,
  };
  return estimate;
}
