import { plural } from '@agir/core';
import type { SignatureCounterMessages } from './en.js';

// Arabic counted nouns: 1 and 100+ take the singular, 2 the dual, 3–10 the plural, 11–99 the accusative singular.
const ar: SignatureCounterMessages = {
  label: ({ value }, locale) =>
    plural(locale, Number(value), { zero: 'توقيع', one: 'توقيع', two: 'توقيعان', few: 'توقيعات', many: 'توقيعًا', other: 'توقيع' }),
  countries: ({ value, formatted }, locale) =>
    `في ${formatted} ${plural(locale, Number(value), { zero: 'بلد', one: 'بلد', two: 'بلدين', few: 'بلدان', many: 'بلدًا', other: 'بلد' })}`,
  goal: 'الهدف: {formatted}',
  progress: '{count} {label} من أصل {goal}',
  progressLabel: 'التقدم نحو الهدف',
  loading: 'جارٍ تحميل عدد التوقيعات…',
  unavailable: 'العدد غير متاح',
};

export default ar;
