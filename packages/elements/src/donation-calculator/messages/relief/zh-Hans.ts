/**
 * Simplified Chinese sentences about the tax relief. The translation is ours (machine-assisted, from the
 * English and French catalogs), to be reviewed by a native speaker.
 */
import { formatNumber } from '@agir/core';
import type { ReliefMessages } from './en.js';

export default {
  ruleReduction: '得益于 {rate} 的税收减免（如果您纳税），',
  ruleCredit: '得益于 {rate} 的税收抵免（如果您纳税），',
  ruleRelief: '得益于税收优惠（如果您纳税），',
  netOnce: '您的捐款实际只需花费 {amount}。',
  netMonthly: '您的捐款实际每月只需花费 {amount}。',
  giftAidOnce: '通过 Gift Aid，您的 {gift} 捐款将为慈善机构带来 {received}。',
  giftAidMonthly: '通过 Gift Aid，您每月 {gift} 的捐款将每月为慈善机构带来 {received}。',
  charityRefund: '您的捐款需全额支付，慈善机构每年可就此申领 {refund} 的退税（如果您纳税）。',
  noRelief: '此金额的捐款不符合税收优惠条件。',
  dependsOnRate: '如果您纳税，您的捐款可从应税收入中扣除：退还多少取决于您的税率，因此我们无法显示具体数字。',
  dependsOnSituation: '如果您纳税，您的捐款可享受税收优惠，但金额取决于您的个人情况，因此我们无法显示具体数字。',
  // No plural forms in Chinese: "之后 3 年".
  carryForward: (params: Record<string, unknown>, locale: string) => {
    const years = Number(params.years);
    const period = years === 1 ? '下一年' : `之后 ${formatNumber(locale, years)} 年`;
    return `超出上限的部分（${String(params.amount)}）可结转至${period}。`;
  },
  carryForwardLater: '超出上限的部分（{amount}）可结转至以后年度。',
  incomeLabel: '您的年度应税收入（选填）',
  incomeHint: '税收优惠仅适用于不超过您收入一定比例的捐款。',
  details: '这是如何计算的？',
  estimateNote: '仅为参考估算，不构成税务建议。',
  taxYear: '{year} 纳税年度。',
  rulesYear: '{year} 纳税年度，按 {rules} 年的税收规则计算（我们掌握的最新规则）。',
  source: '来源：{source}',
} satisfies ReliefMessages;
