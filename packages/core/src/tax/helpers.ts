/**
 * Small helpers shared by the country modules.
 * @module
 */

import { BPS, divRound, ppmOf, rateToPpm } from './money.js';
import type { CalcContext, CountryOutcome, MoneyProfileKey, UnsupportedReason } from './types.js';

/** A "cannot estimate" outcome. */
export function unsupported(reason: UnsupportedReason, message: string): CountryOutcome {
  return { ok: false, reason, message };
}

/** `unsupported-scheme` outcome listing the accepted schemes. */
export function unsupportedScheme(ctx: CalcContext, accepted: readonly string[]): CountryOutcome {
  return unsupported(
    'unsupported-scheme',
    `Scheme "${ctx.scheme}" is not modelled for ${ctx.country} (${ctx.donor}, ${ctx.taxYear}). ` + `Accepted: ${accepted.join(', ')}.`,
  );
}

/** `unsupported-donor` outcome. */
export function unsupportedDonor(ctx: CalcContext): CountryOutcome {
  return unsupported(
    'unsupported-donor',
    `Gifts by a ${ctx.donor} are not modelled for ${ctx.country} (the rule is not verified well enough to estimate).`,
  );
}

/**
 * Σ amount × bps ÷ 10 000 with a single rounding (half away from zero), so tiers such as
 * "80 % of the first 250 €, 40 % of the rest" do not accumulate rounding errors.
 */
export function weightedBps(parts: readonly (readonly [minor: number, bps: number])[]): number {
  let sum = 0n;
  for (const [minor, bps] of parts) sum += BigInt(minor) * BigInt(bps);
  return Number(divRound(sum, BigInt(BPS)));
}

/** Format a rate 0..1 for English notes: 0.3756 → "37.56 %". */
export function pct(rate: number): string {
  return `${Number((rate * 100).toFixed(4))} %`;
}

/** Format minor units for English notes: 200000 → "2000.00". */
export function amt(minor: number): string {
  return (minor / 100).toFixed(2);
}

/** True (and a note is recorded) when the donor said they pay no income tax. */
export function isNonTaxpayer(ctx: CalcContext): boolean {
  if (ctx.profile.taxpayer === false) {
    ctx.note('not-a-taxpayer', 'The donor pays no income tax, so the relief (which is not refundable) is worth nothing.');
    return true;
  }
  return false;
}

function assumeTaxpayer(ctx: CalcContext): void {
  ctx.note('taxpayer', 'Assumes the donor pays enough income tax to use the relief: it is not refundable.');
}

/**
 * A non-refundable reduction or credit: zero for a non-taxpayer, otherwise capped at the tax due
 * (`profile.incomeTaxDue` unless another key is given) when that is known.
 */
export function capToTaxDue(ctx: CalcContext, reliefMinor: number, dueKey: MoneyProfileKey = 'incomeTaxDue'): number {
  if (reliefMinor === 0) return 0;
  if (isNonTaxpayer(ctx)) return 0;
  assumeTaxpayer(ctx);
  const due = ctx.money(dueKey);
  if (due !== undefined && reliefMinor > due) {
    ctx.note('relief-limited-to-tax-due', `The relief is limited to the tax due (${amt(due)}); the rest is lost.`);
    return due;
  }
  return reliefMinor;
}

/**
 * Value of a deduction: deductible × the donor's marginal rate (optionally capped, in bp).
 * Returns `null` (and records `marginalRate` as missing) when the rate is not given: the engine
 * never invents a marginal rate.
 */
export function atMarginalRate(ctx: CalcContext, deductibleMinor: number, capBps?: number): number | null {
  if (deductibleMinor === 0) return 0;
  if (isNonTaxpayer(ctx)) return 0;
  const rate = ctx.profile.marginalRate;
  if (rate === undefined) {
    ctx.need('marginalRate');
    ctx.note(
      'marginal-rate-unknown',
      "A deduction is worth the deductible amount × the donor's marginal rate, which was not given: no relief figure.",
    );
    return null;
  }
  assumeTaxpayer(ctx);
  let ppm = rateToPpm(rate);
  if (capBps !== undefined && ppm > capBps * 100) {
    ppm = capBps * 100;
    ctx.note('marginal-rate-capped', `The deduction is worth at most ${pct(capBps / BPS)}, below the donor's marginal rate.`);
  }
  ctx.note('marginal-rate-given', `Valued at the donor's marginal rate of ${pct(ppm / 1_000_000)}.`);
  return ppmOf(deductibleMinor, ppm);
}

/** Record that an income-based ceiling was not applied because the income is not given. */
export function noIncomeCeiling(ctx: CalcContext, what: string): void {
  ctx.note('no-income-ceiling-applied', `${what} not given: its ceiling was not applied (absent means not limiting).`);
}
