/**
 * Uyghur (Arabic script, right to left) messages of <donation-calculator>'s form. The translation is ours
 * (machine-assisted, from the English and French catalogs), to be reviewed by a native speaker.
 */
import type { Messages } from './en.js';

export default {
  frequencyLegend: 'ئىئانە تۈرى',
  once: 'بىر قېتىملىق ئىئانە',
  monthly: 'ئايلىق ئىئانە',
  amountLegendOnce: 'ئىئانىڭىزنىڭ مىقدارى',
  amountLegendMonthly: 'ئايلىق ئىئانىڭىزنىڭ مىقدارى',
  freeAmount: 'ياكى باشقا مىقدار',
  perMonthShort: '/ئاي',
  errorFormat: 'مىقدارنى رەقەم بىلەن كىرگۈزۈڭ، مەسىلەن {example}.',
  errorMin: 'نۆلدىن چوڭ مىقدار كىرگۈزۈڭ.',
  errorMax: '{max} ياكى ئۇنىڭدىن ئاز مىقدار كىرگۈزۈڭ.',
  giftAidNote:
    'Gift Aid: ئەگەر سىز ئەنگلىيەدە كىرىم بېجى ياكى كاپىتال پايدا بېجى تاپشۇرسىڭىز، خەيرىيە تەشكىلاتى سىز بەرگەن ھەر بىر فۇنت ئۈچۈن 25 پېنس تەلەپ قىلالايدۇ، سىزگە ھېچقانداق قوشۇمچە چىقىم بولمايدۇ. شۇ باج يىلىدا تاپشۇرغان بېجىڭىز سىز ئىئانە قىلغان بارلىق خەيرىيە تەشكىلاتلىرى تەلەپ قىلغان سوممىدىن كەم بولماسلىقى كېرەك؛ ئىئانە بېتى سىزدىن Gift Aid باياناتىنى سورايدۇ.',
  unsupportedCountry: 'دۆلىتىڭىز ئۈچۈن باج ئېتىبارىنى مۆلچەرلىيەلمەيمىز.',
  unsupportedYear: 'بۇ باج يىلى ئۈچۈن باج ئېتىبارىنى مۆلچەرلىيەلمەيمىز.',
  unsupported: 'بۇ ئىئانە ئۈچۈن باج ئېتىبارىنى مۆلچەرلىيەلمەيمىز.',
  incomeError: 'كىرىمىڭىزنى رەقەم بىلەن كىرگۈزۈڭ ياكى بۇ بۆلەكنى بوش قالدۇرۇڭ.',
  donate: 'ئىئانە قىلىش',
} satisfies Messages;
