// The side-effect-free surface of <donation-calculator>: importing it registers nothing (see define.ts).
export { DonationCalculator } from './donation-calculator.js';
export { DonateEvent, EstimateEvent, type DonateEventInit, type DonationFrequency } from './events.js';
export { majorString, parseAmount, type AmountProblem, type ParsedAmount } from './money.js';
export { formatLegacyFr } from './legacy-format.js';
export type { Messages } from './messages/en.js';
