/**
 * Simplified Chinese messages of <donation-calculator>'s form. The translation is ours (machine-assisted,
 * from the English and French catalogs), to be reviewed by a native speaker.
 */
import type { Messages } from './en.js';

export default {
  frequencyLegend: '捐款方式',
  once: '单次捐款',
  monthly: '每月捐款',
  amountLegendOnce: '您的捐款金额',
  amountLegendMonthly: '您的每月捐款金额',
  freeAmount: '或其他金额',
  perMonthShort: '/月',
  errorFormat: '请用数字输入金额，例如 {example}。',
  errorMin: '请输入大于零的金额。',
  errorMax: '请输入不超过 {max} 的金额。',
  giftAidNote:
    'Gift Aid：如果您在英国缴纳所得税或资本利得税，慈善机构可以就您捐出的每 1 英镑申领 25 便士，您无需额外付费。您在该纳税年度缴纳的税款必须不少于您捐助的所有慈善机构申领的总额；捐款页面会请您填写 Gift Aid 声明。',
  unsupportedCountry: '我们无法估算您所在国家的税收减免。',
  unsupportedYear: '我们无法估算该纳税年度的税收减免。',
  unsupported: '我们无法估算这笔捐款的税收减免。',
  incomeError: '请用数字输入您的收入，或将此栏留空。',
  donate: '捐款',
} satisfies Messages;
