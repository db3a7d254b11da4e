/**
 * Amounts as the calculator reads and writes them. Everything is in integer minor units (cents): a typed
 * "12,50" becomes 1250 and is never multiplied as a float.
 */

/** Why a typed amount was refused. */
export type AmountProblem = 'format' | 'min' | 'max';

export type ParsedAmount =
  { readonly minor: number; readonly problem?: undefined } | { readonly minor?: undefined; readonly problem: AmountProblem };

/**
 * Reads an amount typed by a person: "15", "12,50", "12.5", "1 000", "1.000,50", "1,000.50", "١٢٫٥", "１２．５",
 * "12。5".
 * A lone "," or "." is the decimal separator unless it is not the locale's and is followed by exactly
 * three digits ("1.000" in French, "1,000" in English are a thousand).
 * @param text what was typed
 * @param decimalSeparator the locale's decimal separator ("," in fr, "." in en)
 * @param maxMinor the largest accepted amount, in minor units
 * @returns `{ minor }` (> 0 and ≤ max, at most 2 decimals) or `{ problem }`
 */
export function parseAmount(text: string, decimalSeparator: string, maxMinor: number): ParsedAmount {
  let value = text
    .normalize('NFKC') // full-width digits, marks and spaces (a Chinese or Japanese input method's)
    .trim()
    // Arabic-Indic and Persian digits, as core's asciiDigits (importing it splits a chunk off core: +420 B here)
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String((digit.charCodeAt(0) - 0x0660) % 0x90))
    .replace(/[\u066b\u3002]/g, '.') // Arabic decimal separator; the ideographic full stop an input method gives for "."
    .replace(/[\s'’\u066c]/g, '') // spaces (incl. no-break), apostrophes (de-CH), Arabic thousands separator
    .replace(/^[−–]/, '-');
  const negative = value.startsWith('-');
  if (negative) value = value.slice(1);
  const marks = value.match(/[.,]/g) ?? [];
  const last = Math.max(value.lastIndexOf('.'), value.lastIndexOf(','));
  let decimal = -1;
  if (marks.length > 0) {
    const mark = value[last]!;
    const mixed = marks.some((m) => m !== mark);
    const single = marks.length === 1;
    if (mixed || (single && (mark === decimalSeparator || !/^\d{3}$/.test(value.slice(last + 1))))) decimal = last;
  }
  const whole = (decimal < 0 ? value : value.slice(0, decimal)).replace(/[.,]/g, '');
  const fraction = decimal < 0 ? '' : value.slice(decimal + 1);
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || whole + fraction === '' || /[1-9]/.test(fraction.slice(2))) {
    return { problem: 'format' };
  }
  const minor = Number(whole || '0') * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  if (negative || minor <= 0) return { problem: 'min' };
  if (minor > maxMinor) return { problem: 'max' };
  return { minor };
}

/** Minor units as a plain major-unit string for URLs and forms: 1500 → "15", 1250 → "12.50". */
export function majorString(minor: number): string {
  const cents = minor % 100;
  return cents === 0 ? String(minor / 100) : `${Math.floor(minor / 100)}.${String(cents).padStart(2, '0')}`;
}
