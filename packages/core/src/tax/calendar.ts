/**
 * Tax years: where each country's starts, and which one a date falls in. The one home of these facts: the
 * engine checks gift dates with it and resolves "the current tax year" with it, and the elements ask it.
 *
 * DOM-free and dependency-free, so the donation calculator's rules chunks carry it for a few bytes.
 * @module
 */

/** First month and day of the tax year, for the countries whose tax year is not the calendar year. */
const STARTS: Readonly<Record<string, readonly [month: number, day: number]>> = {
  // UK income tax: 6 April to 5 April (ITA 2007 s. 4; HMRC).
  GB: [4, 6],
};

const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * First and last day (ISO dates) of a country's tax year `taxYear`, which is named after the calendar year
 * it starts in: `taxYearBounds('GB', 2026)` → `['2026-04-06', '2027-04-05']`; elsewhere 1 January to 31 December.
 */
export function taxYearBounds(country: string, taxYear: number): readonly [from: string, to: string] {
  const start = STARTS[country.toUpperCase()];
  if (!start) return [iso(taxYear, 1, 1), iso(taxYear, 12, 31)];
  const [month, day] = start;
  const last = new Date(Date.UTC(taxYear + 1, month - 1, day - 1));
  return [iso(taxYear, month, day), iso(last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate())];
}

/**
 * The tax year a day falls in for a country: `taxYearOn('GB', '2027-04-05')` → 2026, `taxYearOn('GB',
 * '2027-04-06')` → 2027, `taxYearOn('FR', '2027-01-02')` → 2027.
 * @param date an ISO date (YYYY-MM-DD), or a `Date`, read in the local time zone (the reader's calendar day)
 */
export function taxYearOn(country: string, date: string | Date): number {
  const day = typeof date === 'string' ? date.slice(0, 10) : iso(date.getFullYear(), date.getMonth() + 1, date.getDate());
  const year = Number(day.slice(0, 4));
  return day < taxYearBounds(country, year)[0] ? year - 1 : year;
}

/** The tax year in progress today (local time) for a country. */
export function currentTaxYear(country: string, now: Date = new Date()): number {
  return taxYearOn(country, now);
}
