import { DonationCalculator } from './donation-calculator.js';

DonationCalculator.define();

declare global {
  interface HTMLElementTagNameMap {
    'donation-calculator': DonationCalculator;
  }
}
