/** Intl helpers for money and percentages (see intl.ts). */
import { cached, formatNumber } from './intl.js';

/** Money from integer minor units: (510, "EUR") → "5,10 €" in fr. */
export function formatMoney(locale: string, minorUnits: number, currency: string, options: Intl.NumberFormatOptions = {}): string {
  const format = cached(
    `c|${locale}|${currency}|${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency, ...options }),
  ) as Intl.NumberFormat;
  // The currency's own minor unit (2 for EUR, 0 for JPY), whatever digits the display asks for.
  const minorDigits =
    (
      cached(`c|en|${currency}|{}`, () => new Intl.NumberFormat('en', { style: 'currency', currency })) as Intl.NumberFormat
    ).resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** minorDigits);
}

/** 0.66 → "66 %" in fr, "66%" in en. */
export function formatPercent(locale: string, ratio: number, options: Intl.NumberFormatOptions = {}): string {
  return formatNumber(locale, ratio, { style: 'percent', maximumFractionDigits: 2, ...options });
}
