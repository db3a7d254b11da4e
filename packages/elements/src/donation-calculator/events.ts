/** A gift frequency the calculator offers. */
export type DonationFrequency = 'once' | 'monthly';

export interface DonateEventInit {
  amount: number;
  amountMinor: number;
  frequency: DonationFrequency;
  currency: string | undefined;
  country: string;
  url: string | undefined;
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

  constructor(init: DonateEventInit) {
    super(DonateEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.amount = init.amount;
    this.amountMinor = init.amountMinor;
    this.frequency = init.frequency;
    this.currency = init.currency;
    this.country = init.country;
    this.url = init.url;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'agir-donate': DonateEvent;
  }
}
