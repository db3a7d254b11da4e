/**
 * Reads <donation-calculator>'s attributes into a checked configuration and the problems to tell the page
 * author. Pure: no DOM, so it runs (and is tested) in Node too. A country's currency comes from @agir/core's
 * tax facts.
 */
import { currencyOf } from '@agir/core/tax';
import type { DonationFrequency } from './events.js';
import { majorString, parseAmount } from './money.js';

export const FREQUENCIES: readonly DonationFrequency[] = ['once', 'monthly'];
/** Largest amount (major units) the rules engine accepts. */
export const ENGINE_MAX = 1e9;
const SCHEME = /^[a-z][a-z0-9-]*$/;
const FALLBACK: Record<DonationFrequency, string> = { once: '80 100 250', monthly: '8 10 15' };

/** What the reader takes: the element's properties (each mirrors its attribute) and its attributes' text. */
export interface ConfigSource {
  readonly country: string;
  readonly currency: string | undefined;
  readonly frequency: string;
  readonly amountsMonthly: string;
  readonly amountsOnce: string;
  readonly defaultMonthly: string | undefined;
  readonly defaultOnce: string | undefined;
  readonly maxAmount: number;
  readonly taxYear: number | undefined;
  readonly scheme: string | undefined;
  readonly donateHref: string | undefined;
  readonly legacyFormat: boolean;
  getAttribute(name: string): string | null;
}

/** The checked configuration: every value here is valid (or a stated fallback). */
export interface CalculatorConfig {
  /** ISO 3166-1 alpha-2, upper case (as given when it is not a valid code: the engine then cannot estimate). */
  readonly country: string;
  /** The country's currency, or the `currency` attribute for a country the engine does not model. */
  readonly currency: string | undefined;
  /** The frequency shown (`monthly` for an invalid one). */
  readonly frequency: DonationFrequency;
  /** A valid `tax-year`, or undefined for the tax year in progress (which core's engine resolves). */
  readonly taxYear: number | undefined;
  /** A valid scheme id, or undefined. */
  readonly scheme: string | undefined;
  /** The `donate-href` template, trimmed; undefined without one. */
  readonly href: string | undefined;
  /** `donate-href` is not an http(s) URL: the donate button is disabled. */
  readonly hrefInvalid: boolean;
  /** `legacy-format` applies (it is on and the currency is EUR). */
  readonly legacy: boolean;
  /** The largest free amount, minor units. */
  readonly maxMinor: number;
  /** The preset amounts per frequency, minor units, without repeats. */
  readonly presets: Readonly<Record<DonationFrequency, readonly number[]>>;
  /** The preset selected at first (and after a form reset) per frequency. */
  readonly defaults: Readonly<Record<DonationFrequency, number>>;
}

/** The configuration and, for the page author, what is wrong with the attributes (one sentence each). */
export interface ConfigReading {
  readonly config: CalculatorConfig;
  readonly errors: readonly string[];
}

/** A frequency as given, or `monthly`. */
export const frequencyOf = (value: string): DonationFrequency =>
  FREQUENCIES.includes(value as DonationFrequency) ? (value as DonationFrequency) : 'monthly';

/** The absolute http(s) URL of an href against a base URL; undefined for any other scheme or an unparsable href. */
export function httpUrl(href: string, base: string): string | undefined {
  try {
    const url = new URL(href, base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** `donate-href` with `{amount}` (major units), `{amountMinor}` (cents) and `{frequency}` filled in, URL-encoded. */
export function fillHref(template: string, minor: number, frequency: DonationFrequency, base: string): string | undefined {
  const values: Record<string, string> = { amount: majorString(minor), amountMinor: String(minor), frequency };
  return httpUrl(
    template.replace(/\{(amount|amountMinor|frequency)\}/g, (_, name: string) => encodeURIComponent(values[name]!)),
    base,
  );
}

/**
 * Reads and checks the attributes.
 * @param source the element (or any object with its properties and `getAttribute`)
 * @param base the URL relative `donate-href`s resolve against (the document's base URI)
 * @param now today, for the example year of a message
 */
export function readConfig(source: ConfigSource, base: string, now: Date = new Date()): ConfigReading {
  const errors: string[] = [];
  const error = (message: string) => errors.push(message);

  const country = source.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) error(`country="${source.country}" must be an ISO 3166-1 alpha-2 code, e.g. country="FR".`);

  let currency: string | undefined = currencyOf(country);
  const own = source.currency?.trim().toUpperCase();
  if (!currency && own) {
    try {
      currency = new Intl.NumberFormat('en', { style: 'currency', currency: own }).resolvedOptions().currency;
    } catch {
      error(`currency="${source.currency}" must be an ISO 4217 code, e.g. currency="SEK".`);
    }
  }
  if (!currency) error(`country="${country}" has no known currency: add currency="…" (ISO 4217).`);
  if (source.legacyFormat && currency !== 'EUR') error(`legacy-format only applies to EUR; ignored for ${currency}.`);

  // Without a valid tax-year, the engine uses the country's tax year in progress (core knows where each
  // starts: 6 April in the UK) and the latest rules in force, and says which.
  const year = source.taxYear;
  const yearValid = Number.isInteger(year) && year! >= 1900 && year! <= 2999;
  if (year !== undefined && !yearValid)
    error(`tax-year="${source.getAttribute('tax-year')}" must be a year, e.g. ${now.getFullYear()}; remove it for the current tax year.`);

  const schemeValid = source.scheme !== undefined && SCHEME.test(source.scheme);
  if (source.scheme !== undefined && !schemeValid)
    error(`scheme="${source.scheme}" must be a scheme id, e.g. "aid-to-people-in-difficulty".`);

  const href = source.donateHref?.trim() || undefined;
  const hrefInvalid = !!href && !fillHref(href, 100, 'once', base);
  if (hrefInvalid)
    error(
      `donate-href="${href}" must be an http(s) URL, e.g. "https://example.org/give?amount={amount}&frequency={frequency}"; the donate button is disabled.`,
    );

  const max = source.maxAmount > 0 && source.maxAmount <= ENGINE_MAX ? source.maxAmount : 1e5;
  if (max !== source.maxAmount)
    error(`max-amount="${source.getAttribute('max-amount')}" must be a number from 0 to ${ENGINE_MAX}; using 100000.`);
  const maxMinor = Math.round(max * 100);

  const presets = {} as Record<DonationFrequency, number[]>;
  const defaults = {} as Record<DonationFrequency, number>;
  for (const each of FREQUENCIES) {
    const once = each === 'once';
    const name = once ? 'amounts-once' : 'amounts-monthly';
    const list: number[] = [];
    const rejected: string[] = [];
    for (const item of (once ? source.amountsOnce : source.amountsMonthly).split(/[\s,;]+/).filter(Boolean)) {
      const minor = parseAmount(item, '.', maxMinor).minor;
      if (minor === undefined) rejected.push(item);
      else if (!list.includes(minor)) list.push(minor);
    }
    if (rejected.length || !list.length)
      error(
        `${name} must list amounts from 0 to max-amount separated by spaces, e.g. ${name}="${FALLBACK[each]}"${rejected.length ? `; ignoring ${rejected.join(', ')}` : ''}.`,
      );
    if (!list.length) list.push(...FALLBACK[each].split(' ').map((item) => Number(item) * 100));
    const wanted = once ? source.defaultOnce : source.defaultMonthly;
    const wantedMinor = wanted === undefined ? undefined : parseAmount(wanted, '.', maxMinor).minor;
    const initial = wantedMinor !== undefined && list.includes(wantedMinor) ? wantedMinor : list[list.length - 1]!;
    if (wanted !== undefined && initial !== wantedMinor)
      error(`default-${each}="${wanted}" is not one of ${name}; selecting ${majorString(initial)}.`);
    presets[each] = list;
    defaults[each] = initial;
  }

  const frequency = frequencyOf(source.frequency);
  if (frequency !== source.frequency) error(`frequency="${source.frequency}" must be "once" or "monthly"; showing monthly.`);

  return {
    config: {
      country,
      currency,
      frequency,
      taxYear: yearValid ? year : undefined,
      scheme: schemeValid ? source.scheme : undefined,
      href,
      hrefInvalid,
      legacy: source.legacyFormat && currency === 'EUR',
      maxMinor,
      presets,
      defaults,
    },
    errors,
  };
}
