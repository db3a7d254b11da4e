/**
 * What a page needs to know of a modelled country before (or without) its rules: its currency. The one home of
 * this fact: the country modules read it from here, and so does the donation calculator, which formats amounts
 * before the country's rules have loaded. (The income a country's ceiling is computed on comes with its rules:
 * `CountryModule.incomeKey`.)
 *
 * DOM-free and dependency-free, so an element carries it for a few bytes without any country's rules.
 * @module
 */
import type { CountryCode, Currency } from './types.js';

/** The currency of every modelled country. */
export const currencies = {
  AT: 'EUR',
  BE: 'EUR',
  CA: 'CAD',
  CH: 'CHF',
  DE: 'EUR',
  ES: 'EUR',
  FR: 'EUR',
  GB: 'GBP',
  IE: 'EUR',
  IT: 'EUR',
  LU: 'EUR',
  NL: 'EUR',
  PT: 'EUR',
  US: 'USD',
} as const satisfies Readonly<Record<CountryCode, Currency>>;

/** A country's currency (ISO alpha-2, upper case), or undefined for a country the engine does not model. */
export function currencyOf(country: string): Currency | undefined {
  return Object.hasOwn(currencies, country) ? currencies[country as CountryCode] : undefined;
}
