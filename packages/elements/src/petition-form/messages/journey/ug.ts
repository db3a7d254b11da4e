/**
 * Uyghur (Arabic script, right to left) messages of petition-form's journey after signing. The translation is ours (machine-assisted, from
 * the English and French catalogs), to be reviewed by a native speaker.
 */
import type { PetitionFormJourneyMessages } from './en.js';

export default {
  stepOf: '{index}-قەدەم ({count} قەدەمدىن): {title}',
  next: 'داۋاملاشتۇرۇش',
  skip: 'ھازىر ئەمەس',
  shareTitle: 'باشقىلارغىمۇ يەتكۈزۈڭ',
  donateTitle: 'پائالىيەتنى قوللاڭ',
  donateText: 'ئاز بولسىمۇ ئىئانە پائالىيەتنى داۋاملاشتۇرىدۇ.',
  donateLink: 'ئىئانە قىلىش',
  doneTitle: 'قوللىغىنىڭىزغا رەھمەت',
  doneText: 'ھەر بىر ئاۋاز مۇھىم. بىرلىكتە بېسىمنى داۋاملاشتۇرىمىز.',
} satisfies PetitionFormJourneyMessages;
