/**
 * The facts about each modelled country that a page needs before (or without) its rules: the currency, and
 * the profile key of the income an income-based ceiling is computed on. The one home of these facts: the
 * country modules read them from here, and so does the donation calculator.
 *
 * DOM-free and dependency-free, so an element carries it for a few bytes without any country's rules.
 * @module
 */
import type { CountryCode, Currency, MoneyProfileKey } from './types.js';

/** What is known of a modelled country before its rules load. */
export interface CountryFacts {
  readonly currency: Currency;
  /**
   * The profile key of the income an income-based ceiling is computed on (FR revenu imposable, DE Gesamtbetrag
   * der Einkünfte, NL drempelinkomen, US AGI…); none where the relief has no income ceiling (GB, IE, PT).
   */
  readonly incomeKey?: MoneyProfileKey;
}

/** Every modelled country's facts. */
export const countryFacts = {
  AT: { currency: 'EUR', incomeKey: 'totalIncome' },
  BE: { currency: 'EUR', incomeKey: 'netIncome' },
  CA: { currency: 'CAD', incomeKey: 'taxableIncome' },
  CH: { currency: 'CHF', incomeKey: 'netIncome' },
  DE: { currency: 'EUR', incomeKey: 'totalIncome' },
  ES: { currency: 'EUR', incomeKey: 'taxableIncome' },
  FR: { currency: 'EUR', incomeKey: 'taxableIncome' },
  GB: { currency: 'GBP' },
  IE: { currency: 'EUR' },
  IT: { currency: 'EUR', incomeKey: 'income' },
  LU: { currency: 'EUR', incomeKey: 'netIncome' },
  NL: { currency: 'EUR', incomeKey: 'thresholdIncome' },
  PT: { currency: 'EUR' },
  US: { currency: 'USD', incomeKey: 'agi' },
} as const satisfies Readonly<Record<CountryCode, CountryFacts>>;

/** A country's facts (ISO alpha-2, upper case), or undefined for a country the engine does not model. */
export function factsOf(country: string): CountryFacts | undefined {
  return Object.hasOwn(countryFacts, country) ? countryFacts[country as CountryCode] : undefined;
}
