/**
 * Uyghur (Arabic script, right to left) messages of petition-form's notices and sharing. The translation is
 * ours (machine-assisted, from the English and French catalogs), to be reviewed by a native speaker.
 */
import { formatNumber } from '@agir/core';
import type { PetitionFormViewMessages } from './en.js';

// A noun after a number stays singular in Uyghur: one sentence for every count.
export default {
  summaryTitle: 'مەسىلە بار',
  thanksTitle: 'ئىمزا قويغىنىڭىزغا رەھمەت!',
  thanksCount: ({ count }, locale) => `ھازىرغىچە ${formatNumber(locale, Number(count))} كىشى ئىمزا قويدى.`,
  queuedTitle: 'ئىمزايىڭىز ساقلاندى',
  queuedText: 'ھازىرچە مۇلازىمېتىرغا ئۇلىنالمىدۇق. ئىمزايىڭىز بۇ ئۈسكۈنىدە ساقلىنىدۇ ۋە ئاپتوماتىك يوللىنىدۇ.',
  unsentTitle: 'ئىمزايىڭىزنى يوللىغىلى بولمىدى',
  unsentText: 'مۇلازىمېتىر بىر قانچە قېتىم مەغلۇپ بولدى. ئىمزايىڭىز بۇ ئۈسكۈنىدە ساقلىنىدۇ: سەل تۇرۇپ قايتا سىناڭ.',
  retrySend: 'قايتا سىناش',
  sentLater: 'ساقلانغان ئىمزايىڭىز يوللاندى.',
  alreadyTitle: 'بۇ ئۈسكۈنىدە ئاللىقاچان ئىمزا قويغانسىز',
  alreadyText: 'رەھمەت! بۇ يەردىكى باشقا بىرى ئىمزا قويماقچىمۇ؟',
  signAnother: 'باشقا بىرى ئۈچۈن ئىمزا قويۇش',
  closedTitle: 'بۇ ئىلتىماس تاقالدى',
  closedText: 'ئۇ ئەمدى ئىمزا قوبۇل قىلمايدۇ. قوللىغىنىڭىزغا رەھمەت.',
  notFoundTitle: 'بۇ ئىلتىماس تېپىلمىدى',
  notFoundText: 'ئۇ ئېلىۋېتىلگەن بولۇشى مۇمكىن، ياكى بۇ بەتتىكى ئۇلانما خاتا. بۇ يەردە ئىمزا خاتىرىلىگىلى بولمايدۇ.',
  shareCall: 'دوستلىرىڭىزنىمۇ ئىمزا قويۇشقا چاقىرىڭ:',
  share: 'ھەمبەھىرلەش',
  shareText: 'مەن «{title}» غا ئىمزا قويدۇم. سىزمۇ ئىسمىڭىزنى قوشۇڭ:',
  shareSubject: 'بۇ ئىلتىماسقا ئىمزا قويۇڭ: {title}',
  copyLink: 'ئۇلانمىنى كۆچۈرۈش',
  copied: 'ئۇلانما كۆچۈرۈلدى',
  copyFailed: 'ئۇلانمىنى كۆچۈرگىلى بولمىدى',
} satisfies PetitionFormViewMessages;
