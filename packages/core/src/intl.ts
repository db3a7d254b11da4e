/** Intl helpers for numbers, money, percentages, plurals and dates, with cached formatters. */

const formatters = new Map<string, Intl.NumberFormat | Intl.PluralRules | Intl.DisplayNames | Intl.DateTimeFormat>();
/** @internal A cache of Intl objects by key: creating them is the expensive part. */
export function cached<T extends Intl.NumberFormat | Intl.PluralRules | Intl.DisplayNames | Intl.DateTimeFormat>(
  key: string,
  make: () => T,
): T {
  let value = formatters.get(key) as T | undefined;
  if (!value) {
    value = make();
    formatters.set(key, value);
  }
  return value;
}

/** 323832 → "323 832" in fr, "323,832" in en, "٣٢٣٬٨٣٢" in ar. */
export function formatNumber(locale: string, value: number, options: Intl.NumberFormatOptions = {}): string {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options)).format(value);
}

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

/** The plural category of a number in a locale ("one", "other", "few"…). */
export function pluralCategory(locale: string, value: number): Intl.LDMLPluralRule {
  return (cached(`p|${locale}`, () => new Intl.PluralRules(locale)) as Intl.PluralRules).select(value);
}

/** Picks the form for a count: `plural('fr', 2, { one: 'signature', other: 'signatures' })`. */
export function plural(locale: string, value: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  return forms[pluralCategory(locale, value)] ?? forms.other;
}

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

/** A country's name in a locale, from Intl.DisplayNames: ("fr", "CN") → "Chine". Unknown codes come back as they are. */
export function countryName(locale: string, code: string): string {
  try {
    return (
      (cached(`r|${locale}`, () => new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })) as Intl.DisplayNames).of(
        code.toUpperCase(),
      ) ?? code
    );
  } catch {
    return code;
  }
}
