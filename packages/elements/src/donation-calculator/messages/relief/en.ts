import { formatNumber, plural } from '@agir/core';

/**
 * English sentences about the tax relief (the fallback for every language), loaded with a country's rules.
 * `{name}` placeholders; functions where a plural depends on a number.
 */
const en = {
  ruleReduction: 'Thanks to the {rate} tax reduction (if you pay tax),',
  ruleCredit: 'Thanks to the {rate} tax credit (if you pay tax),',
  ruleRelief: 'Thanks to tax relief (if you pay tax),',
  netOnce: 'your gift will only cost you {amount}.',
  netMonthly: 'your gift will only cost you {amount} a month.',
  giftAidOnce: 'With Gift Aid, your {gift} becomes {received} for the charity.',
  giftAidMonthly: 'With Gift Aid, your {gift} a month becomes {received} a month for the charity.',
  charityRefund: 'Your gift costs you its full amount, and the charity can claim {refund} a year in tax on it (if you pay tax).',
  noRelief: 'At this amount, your gift does not qualify for tax relief.',
  dependsOnRate: 'Your gift is tax-deductible if you pay tax: what you get back depends on your tax rate, so we cannot show a figure.',
  dependsOnSituation:
    'Your gift qualifies for tax relief if you pay tax, but the amount depends on your situation, so we cannot show a figure.',
  carryForward: (params: Record<string, unknown>, locale: string) => {
    const years = Number(params.years);
    const count = formatNumber(locale, years);
    return `The part above the ceiling (${String(params.amount)}) can be carried over to ${plural(locale, years, { one: 'the next year', other: `the next ${count} years` })}.`;
  },
  carryForwardLater: 'The part above the ceiling ({amount}) can be carried over to later years.',
  incomeLabel: 'Your annual taxable income (optional)',
  incomeHint: 'Tax relief only applies to gifts up to a share of your income.',
  details: 'How is this calculated?',
  estimateNote: 'An estimate for information, not tax advice.',
  taxYear: 'Tax year {year}.',
  rulesYear: 'Tax year {year}, calculated with the {rules} tax rules (the latest we have).',
  source: 'Source: {source}',
};

export type ReliefMessages = typeof en;
export default en;
