import { formatNumber, plural } from '@agir/core';
import type { PetitionFormViewMessages } from './en.js';

// Counted nouns: 1 and 100+ singular, 2 dual, 3–10 plural, 11–99 accusative singular.
export default {
  summaryTitle: 'هناك مشكلة',
  thanksTitle: 'شكرًا لتوقيعك!',
  thanksCount: ({ count }, locale) =>
    plural(locale, Number(count), {
      one: 'وقّع شخص واحد حتى الآن.',
      two: 'وقّع شخصان حتى الآن.',
      few: 'وقّع {count} أشخاص حتى الآن.',
      many: 'وقّع {count} شخصًا حتى الآن.',
      other: 'وقّع {count} شخص حتى الآن.',
    }).replace('{count}', formatNumber(locale, Number(count))),
  queuedTitle: 'تم حفظ توقيعك',
  queuedText: 'تعذّر الاتصال بالخادم الآن. توقيعك محفوظ على هذا الجهاز وسيُرسَل تلقائيًا.',
  unsentTitle: 'تعذّر إرسال توقيعك',
  unsentText: 'أخفق الخادم عدة مرات. توقيعك محفوظ على هذا الجهاز: أعد المحاولة بعد قليل.',
  retrySend: 'أعد المحاولة',
  sentLater: 'تم إرسال توقيعك المحفوظ.',
  alreadyTitle: 'لقد وقّعت بالفعل من هذا الجهاز',
  alreadyText: 'شكرًا! هل يريد شخص آخر هنا التوقيع؟',
  signAnother: 'التوقيع باسم شخص آخر',
  closedTitle: 'هذه العريضة مغلقة',
  closedText: 'لم تعد تقبل التوقيعات. شكرًا لدعمك.',
  // notFoundTitle, notFoundText: our translation (machine-assisted, from the English), to be reviewed by a native speaker.
  notFoundTitle: 'تعذّر العثور على هذه العريضة',
  notFoundText: 'ربما سُحبت، أو أن الرابط في هذه الصفحة خاطئ. لا يمكن تسجيل أي توقيع هنا.',
  shareCall: 'ادعُ أصدقاءك إلى التوقيع أيضًا:',
  share: 'مشاركة',
  shareText: 'وقّعتُ على «{title}». أضِف اسمك:',
  shareSubject: 'وقّع هذه العريضة: {title}',
  copyLink: 'نسخ الرابط',
  copied: 'تم نسخ الرابط',
  copyFailed: 'تعذّر نسخ الرابط',
} satisfies PetitionFormViewMessages;
