import type { Messages } from './en.js';

export default {
  frequencyLegend: 'نوع التبرع',
  once: 'تبرع لمرة واحدة',
  monthly: 'تبرع شهري',
  amountLegendOnce: 'مبلغ تبرعك',
  amountLegendMonthly: 'مبلغ تبرعك الشهري',
  freeAmount: 'أو مبلغ آخر',
  perMonthShort: '/شهر',
  errorFormat: 'أدخل المبلغ بالأرقام، مثلًا {example}.',
  errorMin: 'أدخل مبلغًا أكبر من صفر.',
  errorMax: 'أدخل مبلغًا لا يتجاوز {max}.',
  giftAidNote:
    'Gift Aid: إذا كنت تدفع ضريبة الدخل أو ضريبة الأرباح الرأسمالية في المملكة المتحدة، يمكن للمنظمة أن تسترد 25 بنسًا عن كل جنيه تتبرع به، دون أي تكلفة إضافية عليك. يجب أن تدفع في السنة الضريبية ضرائب لا تقل عمّا تسترده جميع المنظمات التي تتبرع لها، وستطلب منك صفحة التبرع إقرار Gift Aid.',
  unsupportedCountry: 'لا يمكننا تقدير الميزة الضريبية لبلدك.',
  unsupportedYear: 'لا يمكننا تقدير الميزة الضريبية لهذه السنة الضريبية.',
  unsupported: 'لا يمكننا تقدير الميزة الضريبية لهذا التبرع.',
  incomeError: 'أدخل دخلك بالأرقام، أو اترك الحقل فارغًا.',
  donate: 'تبرّع الآن',
} satisfies Messages;
