/**
 * Integer minor-unit money helpers.
 *
 * Results are never computed with floats on major units: an amount is converted to minor units
 * (cents) once, then every multiplication by a rate is an exact rational product evaluated with
 * BigInt and rounded half away from zero. Rates are basis points (1 % = 100 bp) in the rule tables
 * and parts per million for donor-supplied rates (a marginal rate such as 0.4431).
 *
 * @module
 */

/** 100 % in basis points. */
export const BPS = 10_000;
/** 100 % in parts per million. */
export const PPM = 1_000_000;

/**
 * Divide two BigInts, rounding half away from zero.
 * @throws RangeError when the denominator is 0.
 */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (2n * n + denominator) / (2n * denominator);
  return negative ? -q : q;
}

/**
 * Round a number to an integer, half away from zero (`Math.round` rounds −2.5 to −2).
 * Float noise such as 1.005 × 100 = 100.49999999999999 is removed first (15 significant digits).
 */
export function roundHalfAwayFromZero(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const clean = Number(value.toPrecision(15));
  const r = Math.round(Math.abs(clean));
  return clean < 0 ? -r : r;
}

/** Major units (e.g. 42.5 EUR) to integer minor units (4250), rounded half away from zero. */
export function toMinor(major: number): number {
  return roundHalfAwayFromZero(major * 100);
}

/** Integer minor units to major units (4250 → 42.5). Exact to 2 decimals. */
export function toMajor(minor: number): number {
  return minor / 100;
}

/**
 * `minor × numerator / denominator`, exact, rounded half away from zero.
 * @example mulRatio(25000, 31, 69) // 11232 (IE refund on €250)
 */
export function mulRatio(minor: number, numerator: number, denominator: number): number {
  assertInt(minor, 'minor');
  assertInt(numerator, 'numerator');
  assertInt(denominator, 'denominator');
  return Number(divRound(BigInt(minor) * BigInt(numerator), BigInt(denominator)));
}

/**
 * A percentage of an amount: `minor × bps / 10 000`, rounded half away from zero.
 * @example percentOf(18000, 6600) // 11880 (66 % of 180.00)
 */
export function percentOf(minor: number, bps: number): number {
  return mulRatio(minor, bps, BPS);
}

/** `minor × ppm / 1 000 000`, rounded half away from zero. */
export function ppmOf(minor: number, ppm: number): number {
  return mulRatio(minor, ppm, PPM);
}

/** A rate 0..1 (e.g. a donor's marginal rate 0.4431) as integer parts per million. */
export function rateToPpm(rate: number): number {
  return roundHalfAwayFromZero(rate * PPM);
}

/** Basis points to a rate 0..1 (6600 → 0.66). */
export function bpsToRate(bps: number): number {
  return bps / BPS;
}

/** Parts per million to a rate 0..1. */
export function ppmToRate(ppm: number): number {
  return ppm / PPM;
}

/** Smallest of integer amounts. */
export function minOf(first: number, ...rest: number[]): number {
  return Math.min(first, ...rest);
}

/** `max(0, value)`. */
export function nonNegative(value: number): number {
  return value > 0 ? value : 0;
}

/** Integer division of minor units by a count (per-period figures), half away from zero. */
export function divideMinor(minor: number, count: number): number {
  return mulRatio(minor, 1, count);
}

function assertInt(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer, got ${value}`);
}
