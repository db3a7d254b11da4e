import { formatNumber, plural } from '@agir/core';
import type { ReliefMessages } from './en.js';

export default {
  ruleReduction: 'بفضل التخفيض الضريبي بنسبة {rate} (إذا كنت تدفع الضرائب)،',
  ruleCredit: 'بفضل الرصيد الضريبي بنسبة {rate} (إذا كنت تدفع الضرائب)،',
  ruleRelief: 'بفضل الميزة الضريبية (إذا كنت تدفع الضرائب)،',
  netOnce: 'لن يكلّفك تبرعك سوى {amount}.',
  netMonthly: 'لن يكلّفك تبرعك سوى {amount} شهريًا.',
  giftAidOnce: 'مع Gift Aid، يصبح تبرعك البالغ {gift} مبلغ {received} للمنظمة.',
  giftAidMonthly: 'مع Gift Aid، يصبح تبرعك البالغ {gift} شهريًا مبلغ {received} شهريًا للمنظمة.',
  charityRefund: 'يكلّفك تبرعك مبلغه كاملًا، ويمكن للمنظمة أن تسترد عنه {refund} سنويًا من الضرائب (إذا كنت تدفع الضرائب).',
  noRelief: 'بهذا المبلغ، لا يمنحك تبرعك أي ميزة ضريبية.',
  dependsOnRate:
    'تبرعك قابل للخصم من دخلك الخاضع للضريبة إذا كنت تدفع الضرائب: ما توفّره يتوقف على شريحتك الضريبية، لذا لا يمكننا عرض مبلغ.',
  dependsOnSituation: 'يمنحك تبرعك ميزة ضريبية إذا كنت تدفع الضرائب، لكن قيمتها تتوقف على وضعك، لذا لا يمكننا عرض مبلغ.',
  carryForward: (params: Record<string, unknown>, locale: string) => {
    const years = Number(params.years);
    const count = formatNumber(locale, years);
    const period = plural(locale, years, {
      one: 'السنة التالية',
      two: 'السنتين التاليتين',
      few: `${count} سنوات تالية`,
      other: `${count} سنة تالية`,
    });
    return `يمكن ترحيل الجزء الذي يتجاوز السقف (${String(params.amount)}) إلى ${period}.`;
  },
  carryForwardLater: 'يمكن ترحيل الجزء الذي يتجاوز السقف ({amount}) إلى السنوات التالية.',
  incomeLabel: 'دخلك السنوي الخاضع للضريبة (اختياري)',
  incomeHint: 'لا تنطبق الميزة الضريبية إلا على التبرعات في حدود نسبة من دخلك.',
  details: 'كيف يُحسب ذلك؟',
  estimateNote: 'تقدير للاطلاع فقط، وليس استشارة ضريبية.',
  taxYear: 'السنة الضريبية {year}.',
  rulesYear: 'السنة الضريبية {year}، محسوبة وفق القواعد الضريبية لعام {rules} (أحدث ما لدينا).',
  source: 'المصدر: {source}',
} satisfies ReliefMessages;
