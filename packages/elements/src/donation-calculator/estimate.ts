/**
 * The estimate of <donation-calculator>: loads the country's rules (./relief.ts) and runs the engine for the
 * reader's gift, a reactive controller of the element (it re-renders the element when the rules arrive).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { currentTaxYear, type ReliefEstimate, type ReliefInput, type ReliefResult } from '@agir/core/tax';
import type { CalculatorConfig } from './config.js';
import { loadRelief, reliefFor, type Relief } from './relief.js';
import type { ReliefView } from './relief-view.js';

/** Annual gift (minor units) from which the income field appears by itself where an income ceiling exists. */
const INCOME_FIELD_FROM = 100_000;

/** An engine result, or a chunk that failed to load (then no figure is shown either). */
export type Outcome = ReliefResult | { readonly ok: false; readonly reason: 'load-failed' };

/** What to estimate: the checked configuration and the reader's gift. */
export interface EstimateRequest {
  readonly config: CalculatorConfig;
  /** The `tax-year` attribute is set (valid or not): a year the rules do not model is then the author's to fix. */
  readonly yearAsked: boolean;
  /** The gift per period, minor units; undefined while there is none. */
  readonly amountMinor: number | undefined;
  /** The income the reader typed, minor units; undefined while the field is hidden, empty or invalid. */
  readonly incomeMinor: number | undefined;
}

type Host = ReactiveControllerHost & HTMLElement;

export class EstimateController implements ReactiveController {
  readonly #host: Host;
  readonly #report: (message: string) => void;
  // Read by the element, written only here (plain fields rather than getters: the element's bytes count).
  /** The engine's result for the gift, `load-failed` when the rules did not download; undefined while unknown. */
  outcome: Outcome | undefined;
  /** The country's rules and the module that puts their results into words, once loaded. */
  relief: Relief | undefined;
  /** The relief sentences' catalog, once the rules are loaded. */
  view: ReliefView | undefined;
  /** A large gift met no income ceiling because no income was given: the income field should appear. */
  incomeWanted = false;
  /** Settles when the rules being loaded have arrived or failed; undefined while none are loading. */
  loading: Promise<void> | undefined;
  #key = '';
  #failedKey = '';
  /** A new estimate, told to the page once the element shows it. */
  #news: ReliefEstimate | undefined;

  /** @param report tells the page author (once per message) why there is no estimate */
  constructor(host: Host, report: (message: string) => void) {
    this.#host = host;
    this.#report = report;
    host.addController(this);
  }

  /** Runs the rules engine for a gift (loading the country's rules first; the host re-renders once they arrive). */
  update({ config, yearAsked, amountMinor: amount, incomeMinor: income }: EstimateRequest): void {
    if (amount === undefined) {
      this.outcome = undefined;
      this.#key = '';
      return;
    }
    const { country, taxYear, scheme } = config;
    const relief = reliefFor(country);
    const incomeKey = relief?.incomeKey;
    // Every value is checked (country, year, scheme, amounts in cents within the engine's range), so the
    // engine's zod-free entry point takes it as it is.
    const input: ReliefInput = {
      country: country || 'ZZ',
      ...(taxYear !== undefined && { taxYear }),
      donor: 'individual',
      amount: amount / 100,
      frequency: config.frequency,
      ...(scheme && { scheme }),
      ...(incomeKey && income !== undefined && { profile: { [incomeKey]: income / 100 } as ReliefInput['profile'] }),
    };
    const key = JSON.stringify(input);
    if (key === this.#key) return;
    this.#key = key;
    this.outcome = undefined;
    if (!relief) {
      // A download that failed is tried again for another amount, not in a loop.
      const loading = key === this.#failedKey ? undefined : loadRelief(country);
      if (loading) {
        this.loading ??= loading.then(
          () => this.#loaded(),
          (error: unknown) => {
            this.#failedKey = key;
            this.#loaded();
            console.error(`Agir <${this.#host.localName}>: the tax rules for ${country} did not load; no estimate is shown.`, error);
          },
        );
      } else {
        this.outcome =
          key === this.#failedKey
            ? { ok: false, reason: 'load-failed' }
            : {
                ok: false,
                reason: 'unsupported-country',
                message: `Tax relief for ${country} is not modelled, so it cannot be estimated.`,
                country,
                taxYear: taxYear ?? currentTaxYear(country),
              };
      }
      return;
    }
    this.relief = relief;
    this.view ??= new relief.view.ReliefView(this.#host);
    let outcome: Outcome;
    try {
      outcome = relief.estimate(input);
      if (!outcome.ok && outcome.reason !== 'unsupported-country' && (outcome.reason !== 'unsupported-year' || yearAsked)) {
        this.#report(`no estimate: ${outcome.message} Check country, tax-year and scheme.`);
      }
    } catch (error) {
      this.#report(`no estimate: ${(error as Error).message}`);
      outcome = { ok: false, reason: 'load-failed' };
    }
    this.outcome = outcome;
    if (outcome.ok) {
      this.#news = outcome;
      if (incomeKey && outcome.minor.annualGift >= INCOME_FIELD_FROM && outcome.assumptions.includes('no-income-ceiling-applied'))
        this.incomeWanted = true;
    }
  }

  /** Tells the page about a new estimate (`agir-estimate`) once the element has rendered it. */
  hostUpdated(): void {
    const news = this.#news;
    this.#news = undefined;
    if (news) this.relief!.view.announceEstimate(this.#host, news);
  }

  #loaded(): void {
    this.loading = undefined;
    this.#key = '';
    this.#host.requestUpdate();
  }
}
