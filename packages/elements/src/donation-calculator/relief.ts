/**
 * The bridge between the element and @agir/core's tax-relief engine. Each country's rules (and the
 * engine, shared) are loaded on demand, so a page downloads only the country it shows.
 */
import type { CountryCode, CountryModule, MoneyProfileKey, ReliefInput, ReliefResult } from '@agir/core/tax';

/**
 * Computes one gift's relief with one country's rules: the engine's `computeTrustedRelief`, which does not
 * validate its input with zod (the element builds it from values it has checked: a country the rules model,
 * a year from 1900 to 2999, an amount and an income in cents up to the engine's maximum, a scheme id).
 */
export type Estimator = (input: ReliefInput) => ReliefResult;

interface RulesModule {
  compute(modules: CountryModule, input: ReliefInput): ReliefResult;
  rules: CountryModule;
}

// One explicit dynamic import per country: bundlers split each into its own chunk (a template string
// with a variable would not be split). Typed by the engine's country codes, so a country it models and this
// list lacks (or one it does not model) is a type error.
const loaders: Record<CountryCode, () => Promise<RulesModule>> = {
  AT: () => import('./rules/at.js'),
  BE: () => import('./rules/be.js'),
  CA: () => import('./rules/ca.js'),
  CH: () => import('./rules/ch.js'),
  DE: () => import('./rules/de.js'),
  ES: () => import('./rules/es.js'),
  FR: () => import('./rules/fr.js'),
  GB: () => import('./rules/gb.js'),
  IE: () => import('./rules/ie.js'),
  IT: () => import('./rules/it.js'),
  LU: () => import('./rules/lu.js'),
  NL: () => import('./rules/nl.js'),
  PT: () => import('./rules/pt.js'),
  US: () => import('./rules/us.js'),
};

type ViewModule = typeof import('./relief-view.js');

/** A country's estimator and the module that puts its results into words. */
export interface Relief {
  readonly estimate: Estimator;
  readonly view: ViewModule;
  /** The profile key of the income the country's ceiling is computed on; undefined where there is none. */
  readonly incomeKey: MoneyProfileKey | undefined;
}

const loaded = new Map<string, Relief>();
const pending = new Map<string, Promise<Relief>>();

/** A country's relief if its rules are already loaded. */
export function reliefFor(country: string): Relief | undefined {
  return loaded.get(country);
}

/** Loads a country's rules (and the view); undefined for a country the engine does not model. Rejects when a chunk fails to load. */
export function loadRelief(country: string): Promise<Relief> | undefined {
  const load = Object.hasOwn(loaders, country) ? loaders[country as CountryCode] : undefined;
  if (!load) return undefined;
  let promise = pending.get(country);
  if (!promise) {
    promise = Promise.all([load(), import('./relief-view.js')]).then(([{ compute, rules }, view]) => {
      const relief: Relief = { estimate: (input) => compute(rules, input), view, incomeKey: rules.incomeKey };
      loaded.set(country, relief);
      return relief;
    });
    // A failed download can be retried later.
    promise.catch(() => pending.delete(country));
    pending.set(country, promise);
  }
  return promise;
}
