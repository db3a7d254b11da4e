/**
 * Tax-relief rules engine for donations (14 countries, rules of tax years 2025/2026, carried forward until replaced).
 *
 * Pure TypeScript, DOM-free. Every figure is computed in integer minor units and rounded half
 * away from zero; a country or year that is not modelled gives `{ ok: false }`, never an
 * invented figure.
 *
 * To ship a single country to a browser, use the engine with that country's module only; the
 * other modules are then tree-shaken away (the package is `sideEffects: false`):
 * ```ts
 * import { computeReliefWith, fr } from '@agir/core/tax';
 * computeReliefWith(fr, { country: 'FR', taxYear: 2026, donor: 'individual', amount: 15, frequency: 'monthly' });
 * ```
 * (Inside the monorepo, `./engine.ts` and `./countries/fr.ts` can also be imported directly.)
 *
 * `computeReliefWith` and `computeRelief` validate their input with zod. A caller that builds the
 * input itself from values it has already checked can use `computeTrustedRelief(fr, input)`
 * (`./compute.ts`), the same engine without the schema, so that zod is not shipped with it.
 *
 * @module
 */

import { at } from './countries/at.js';
import { be } from './countries/be.js';
import { ca } from './countries/ca.js';
import { ch } from './countries/ch.js';
import { de } from './countries/de.js';
import { es } from './countries/es.js';
import { fr } from './countries/fr.js';
import { gb } from './countries/gb.js';
import { ie } from './countries/ie.js';
import { it } from './countries/it.js';
import { lu } from './countries/lu.js';
import { nl } from './countries/nl.js';
import { pt } from './countries/pt.js';
import { us } from './countries/us.js';
import { computeReliefWith, ruleForWith } from './engine.js';
import type { AtYearRules } from './countries/at.js';
import type { BeYearRules } from './countries/be.js';
import type { CaYearRules } from './countries/ca.js';
import type { ChYearRules } from './countries/ch.js';
import type { DeYearRules } from './countries/de.js';
import type { EsYearRules } from './countries/es.js';
import type { FrYearRules } from './countries/fr.js';
import type { GbYearRules } from './countries/gb.js';
import type { IeYearRules } from './countries/ie.js';
import type { ItYearRules } from './countries/it.js';
import type { LuYearRules } from './countries/lu.js';
import type { NlYearRules } from './countries/nl.js';
import type { PtYearRules } from './countries/pt.js';
import type { UsYearRules } from './countries/us.js';
import type { ComputeOptions, CountryCode, CountryModule, Currency, ReliefResult } from './types.js';

export * from './types.js';
export { reliefInputSchema, reliefProfileSchema, MAX_MAJOR } from './schema.js';
export { computeReliefWith, ruleForWith, parseReliefInput, ReliefInputError, PERIODS_PER_YEAR } from './engine.js';
export { computeTrustedRelief, normaliseReliefInput } from './compute.js';
export { currentTaxYear, taxYearBounds, taxYearOn } from './calendar.js';
export { currencies, currencyOf } from './country-facts.js';
export {
  BPS,
  PPM,
  divRound,
  roundHalfAwayFromZero,
  toMinor,
  toMajor,
  mulRatio,
  percentOf,
  ppmOf,
  rateToPpm,
  bpsToRate,
  ppmToRate,
  divideMinor,
} from './money.js';
export { at, be, ca, ch, de, es, fr, gb, ie, it, lu, nl, pt, us };
export { AT_RULES } from './countries/at.js';
export { BE_RULES } from './countries/be.js';
export { CA_RULES, CA_PROVINCES } from './countries/ca.js';
export { CH_RULES } from './countries/ch.js';
export { DE_RULES } from './countries/de.js';
export { ES_RULES } from './countries/es.js';
export { FR_RULES, splitByDate } from './countries/fr.js';
export { GB_RULES } from './countries/gb.js';
export { IE_RULES } from './countries/ie.js';
export { IT_RULES } from './countries/it.js';
export { LU_RULES } from './countries/lu.js';
export { NL_RULES } from './countries/nl.js';
export { PT_RULES } from './countries/pt.js';
export { US_RULES } from './countries/us.js';
export type { AtYearRules } from './countries/at.js';
export type { BeYearRules } from './countries/be.js';
export type { CaYearRules, CaProvinceRates } from './countries/ca.js';
export type { ChYearRules } from './countries/ch.js';
export type { DeYearRules } from './countries/de.js';
export type { EsYearRules } from './countries/es.js';
export type { FrYearRules, FrAidCeiling } from './countries/fr.js';
export type { GbYearRules } from './countries/gb.js';
export type { IeYearRules } from './countries/ie.js';
export type { ItYearRules } from './countries/it.js';
export type { LuYearRules } from './countries/lu.js';
export type { NlYearRules } from './countries/nl.js';
export type { PtYearRules } from './countries/pt.js';
export type { UsYearRules } from './countries/us.js';

/** All country modules, in the order of tax-rules.md. */
export const allCountries: readonly CountryModule[] = [fr, de, gb, ie, be, es, it, nl, ch, ca, us, pt, lu, at];

/** Supported countries with their currency, name and modelled tax years. */
export const supportedCountries: readonly {
  readonly country: CountryCode;
  readonly currency: Currency;
  readonly name: string;
  readonly taxYears: readonly number[];
  readonly schemes: readonly string[];
}[] = /* @__PURE__ */ allCountries.map((m) => ({
  country: m.country,
  currency: m.currency,
  name: m.name,
  taxYears: Object.keys(m.years).map(Number),
  schemes: ['general', ...m.schemes],
}));

/**
 * Compute the tax relief of a gift.
 *
 * @param input exactly a `tax-cases.public.json` input: `{ country, taxYear, giftDate?, donor,
 *   amount, frequency, scheme?, profile? }` (amount in major units per period)
 * @param options see {@link ComputeOptions}
 * @returns `{ ok: true, annualGift, reliefPerYear, netCostPerYear, ... }` (major units, 2 decimals,
 *   plus `minor` in cents) or `{ ok: false, reason, message }` when it cannot be estimated
 * @throws {ReliefInputError} when the input is invalid
 * @example
 * computeRelief({ country: 'FR', taxYear: 2026, donor: 'individual', amount: 15, frequency: 'monthly' })
 * // → { ok: true, annualGift: 180, reliefPerYear: 118.8, netCostPerYear: 61.2, netCostPerPeriod: 5.1, ... }
 */
export function computeRelief(input: unknown, options?: ComputeOptions): ReliefResult {
  return computeReliefWith(allCountries, input, options);
}

/** The year-table type of each country module. */
export interface RulesByCountry {
  FR: FrYearRules;
  GB: GbYearRules;
  IE: IeYearRules;
  BE: BeYearRules;
  ES: EsYearRules;
  IT: ItYearRules;
  NL: NlYearRules;
  DE: DeYearRules;
  CH: ChYearRules;
  CA: CaYearRules;
  US: UsYearRules;
  PT: PtYearRules;
  LU: LuYearRules;
  AT: AtYearRules;
}

/**
 * The rule table of a country for a tax year (rates in basis points, amounts in minor units,
 * with sources and confidence), or `undefined` when it is not modelled.
 * @param country ISO alpha-2 code (case-insensitive)
 * @param taxYear calendar year (GB: the tax year starting in April)
 * @example ruleFor('BE', 2024)?.rateBps // 4500
 */
export function ruleFor<C extends CountryCode>(country: C, taxYear: number): RulesByCountry[C] | undefined;
export function ruleFor(country: string, taxYear: number): RulesByCountry[CountryCode] | undefined;
export function ruleFor(country: string, taxYear: number): RulesByCountry[CountryCode] | undefined {
  return ruleForWith(allCountries, country, taxYear) as RulesByCountry[CountryCode] | undefined;
}

/** True when the country and tax year are modelled. */
export function isSupported(country: string, taxYear: number): boolean {
  return ruleFor(country, taxYear) !== undefined;
}

/**
 * Format a rate 0..1 as a localized percentage, e.g. `describeRate(0.66, 'fr-FR')` → "66 %"
 * (with a narrow no-break space), `describeRate(0.3756)` → "37.56%".
 * @param rate a rule's `rate` (0..1)
 * @param locale a BCP 47 locale, default `en`
 */
export function describeRate(rate: number, locale: string = 'en'): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(rate);
}
