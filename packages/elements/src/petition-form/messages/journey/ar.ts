/**
 * Arabic (right to left) messages of petition-form's journey after signing. The translation is ours (machine-assisted, from
 * the English and French catalogs), to be reviewed by a native speaker.
 */
import type { PetitionFormJourneyMessages } from './en.js';

export default {
  stepOf: 'الخطوة {index} من {count}: {title}',
  next: 'متابعة',
  skip: 'ليس الآن',
  shareTitle: 'انشر الخبر',
  donateTitle: 'ادعم الحملة',
  donateText: 'أي تبرع، ولو كان صغيرًا، يساعد على استمرار الحملة.',
  donateLink: 'تبرّع',
  doneTitle: 'شكرًا لدعمك',
  doneText: 'كل صوت مهم. معًا نواصل الضغط.',
} satisfies PetitionFormJourneyMessages;
