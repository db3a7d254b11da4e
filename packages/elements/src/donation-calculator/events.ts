import type { ReliefEstimate, ReliefResult } from '@agir/core/tax';

/** A gift frequency the calculator offers. */
export type DonationFrequency = 'once' | 'monthly';

export interface DonateEventInit {
  amount: number;
  amountMinor: number;
  frequency: DonationFrequency;
  currency: string | undefined;
  country: string;
  url: string | undefined;
  /** The engine's result for this gift, when known. */
  estimate?: ReliefResult | undefined;
}

/**
 * `agir-donate`: the reader pressed the donate button with a valid amount. Cancelable: call
 * `preventDefault()` to handle the gift yourself (open a payment form, use a client-side router…);
 * otherwise the element goes to `url`. Set `url` to change where it goes (it must stay http(s)).
 */
export class DonateEvent extends Event {
  static readonly eventName = 'agir-donate';
  /** The gift per period in major units, e.g. 15 or 12.5. */
  readonly amount: number;
  /** The same in minor units (cents), e.g. 1500. */
  readonly amountMinor: number;
  readonly frequency: DonationFrequency;
  /** ISO 4217 code, e.g. "EUR"; undefined when neither the country nor the `currency` attribute gives one. */
  readonly currency: string | undefined;
  /** ISO 3166-1 alpha-2 code of the `country` attribute, upper-cased. */
  readonly country: string;
  /** The donation page the element will open (`donate-href` with the amount and frequency filled in). */
  url: string | undefined;
  /** The tax year of the estimate shown (undefined when none is shown). */
  readonly taxYear: number | undefined;
  /** The year of the tax rules that estimate used: `taxYear`, or the latest earlier rules in force. */
  readonly rulesYear: number | undefined;

  constructor(init: DonateEventInit) {
    super(DonateEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.amount = init.amount;
    this.amountMinor = init.amountMinor;
    this.frequency = init.frequency;
    this.currency = init.currency;
    this.country = init.country;
    this.url = init.url;
    const estimate = init.estimate?.ok ? init.estimate : undefined;
    this.taxYear = estimate?.taxYear;
    this.rulesYear = estimate?.rulesYear;
  }
}

/**
 * `agir-estimate`: the calculator shows a new estimate (after the reader changed the gift, or once the
 * country's rules loaded). Not cancelable. For showing or logging which rules were used: `taxYear` is the tax
 * year of the gift, `rulesYear` the year of the rules applied (earlier when that year's are not modelled yet).
 */
export class EstimateEvent extends Event {
  static readonly eventName = 'agir-estimate';
  /** The engine's whole result: figures in major and minor units, the rule, its source and notes. */
  readonly estimate: ReliefEstimate;
  readonly taxYear: number;
  readonly rulesYear: number;

  constructor(estimate: ReliefEstimate) {
    super(EstimateEvent.eventName, { bubbles: true, composed: true });
    this.estimate = estimate;
    this.taxYear = estimate.taxYear;
    this.rulesYear = estimate.rulesYear;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'agir-donate': DonateEvent;
    'agir-estimate': EstimateEvent;
  }
}
