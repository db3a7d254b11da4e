/**
 * The legacy display of the Amnesty International France donation calculator (the seed page), for pixel
 * parity only. Since 2025-09-30 its code does `amount.toFixed(2)`, strips one trailing "0", replaces "." by
 * "," and appends " €": 15 €/month at 66 % shows "5,1 €", 100 € shows "34,0 €". Standard French
 * typography is "5,10 €" (what `Intl.NumberFormat` gives and what the element shows by default).
 */

/**
 * An amount in minor units as the seed site shows it: 510 → "5,1 €", 272 → "2,72 €", 3400 → "34,0 €",
 * 0 → "0,0 €" (a plain space before "€", as on that site). Computed from integer cents, so it never shows
 * the site's float artefacts.
 */
export function formatLegacyFr(minor: number): string {
  let text = `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
  if (text.endsWith('0')) text = text.slice(0, -1);
  return `${text.replace('.', ',')} €`;
}
