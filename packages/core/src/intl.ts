/**
 * Intl helpers for numbers and plurals, with cached formatters (money and percentages are in
 * intl-money.ts, dates in intl-date.ts, country names in countries.ts, so that an element carries only the formatters it uses).
 */

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

/** 323832 → "323 832" in fr, "323,832" in en and ar (current CLDR), "٣٢٣٬٨٣٢" in ar-EG and ar-u-nu-arab. */
export function formatNumber(locale: string, value: number, options: Intl.NumberFormatOptions = {}): string {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options)).format(value);
}

/** The plural category of a number in a locale ("one", "other", "few"…). */
export function pluralCategory(locale: string, value: number): Intl.LDMLPluralRule {
  return (cached(`p|${locale}`, () => new Intl.PluralRules(locale)) as Intl.PluralRules).select(value);
}

/** Picks the form for a count: `plural('fr', 2, { one: 'signature', other: 'signatures' })`. */
export function plural(locale: string, value: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  return forms[pluralCategory(locale, value)] ?? forms.other;
}
