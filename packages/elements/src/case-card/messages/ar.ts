import type { CaseCardMessages } from './en.js';

type Params = Record<string, unknown>;

// الجنس غير معروف: عبارات محايدة («قيد الاحتجاز» بدلاً من «محتجز/محتجزة»).
const phrases: Record<string, [label: string, since: boolean, group?: string]> = {
  detained: ['قيد الاحتجاز', true],
  imprisoned: ['في السجن', true],
  disappeared: ['مصير مجهول', true],
  released: ['تمّ الإفراج', false],
  'at-risk': ['في خطر', true],
  sentenced: ['صدر حكم', false],
  'on-trial': ['قيد المحاكمة', true],
  harassed: ['ضحية مضايقات', true, 'ضحايا مضايقات'],
  killed: ['ضحية قتل', false, 'ضحايا قتل'],
};

export default {
  status: ({ kind, date, precision, group }: Params): string => {
    const [single, since, plural] = phrases[kind as string] ?? ['', true];
    const label = (group ? plural : undefined) ?? single;
    if (!date) return label;
    // منذ ٢٠١٨ — عام ٢٠١٨ / في مارس ٢٠١٨
    const preposition = since ? 'منذ' : precision === 'year' ? 'عام' : 'في';
    return label ? `${label} ${preposition} ${date}` : `منذ ${date}`;
  },
  place: '{region}، {country}',
  readMore: 'اقرأ المزيد',
  readLess: 'عرض أقل',
  act: 'تحرّك',
  share: 'مشاركة',
  shareText: 'تحرّك من أجل {name}',
  copied: 'تم نسخ الرابط',
  copyFailed: 'انسخ هذا الرابط لمشاركة الحالة: {url}',
  petitionError: 'تعذّر تحميل استمارة العريضة.',
  petitionLink: 'وقّع على صفحة الحملة',
  loading: 'جارٍ تحميل الحالة…',
  loadError: 'تعذّر تحميل هذه الحالة.',
  notFound: 'لم يتم العثور على هذه الحالة.',
  invalid: 'لا يمكن عرض هذه الحالة.',
  retry: 'إعادة المحاولة',
  listLoading: 'جارٍ تحميل الحالات…',
  listError: 'تعذّر تحميل الحالات.',
  listEmpty: 'لا توجد حالات لعرضها حالياً.',
} satisfies CaseCardMessages;
