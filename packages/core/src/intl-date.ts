/** Intl helper for dates (see intl.ts). */
import { cached } from './intl.js';

/** A date in a locale, e.g. ("fr", "2018") → "2018"; ("fr", "2018-03-01") → "1 mars 2018". */
export function formatDate(locale: string, isoDate: string, options?: Intl.DateTimeFormatOptions): string {
  const parts = isoDate.split('-');
  const date = new Date(Date.UTC(Number(parts[0]), Number(parts[1] ?? 1) - 1, Number(parts[2] ?? 1)));
  if (Number.isNaN(date.getTime())) return isoDate;
  const resolved =
    options ?? (parts.length === 1 ? { year: 'numeric' } : parts.length === 2 ? { year: 'numeric', month: 'long' } : { dateStyle: 'long' });
  return (
    cached(
      `d|${locale}|${JSON.stringify(resolved)}`,
      () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...resolved }),
    ) as Intl.DateTimeFormat
  ).format(date);
}
