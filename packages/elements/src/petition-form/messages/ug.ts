/**
 * Uyghur (Arabic script, right to left) messages of petition-form's form. The translation is ours
 * (machine-assisted, from the English and French catalogs), to be reviewed by a native speaker.
 */
import type { PetitionFormMessages } from './en.js';

// Phone examples start with a left-to-right mark so "+" stays before the digits in right-to-left text.
export default {
  givenName: 'ئىسمىڭىز',
  familyName: 'فامىلىڭىز',
  email: 'ئېلخەت',
  country: 'دۆلەت ياكى رايون',
  postalCode: 'پوچتا نومۇرى',
  phone: 'تېلېفون',
  comment: 'پىكىر',
  optional: '(ئىختىيارىي)',
  chooseCountry: 'تاللاڭ…',
  emailHelp: 'ئىمزايىڭىزنى پەقەت بىر قېتىملا خاتىرىلەش ئۈچۈن ئىشلىتىمىز.',
  phoneHelp: 'دۆلەت نومۇرى بىلەن، مەسىلەن \u200E+90 212 555 0123.',
  commentHelp: 'كۆپ بولغاندا 2,000 ھەرپ.',

  givenNameRequired: 'ئىسمىڭىزنى كىرگۈزۈڭ',
  givenNameInvalid: '100 ھەرپتىن ئاشمايدىغان ئىسىم كىرگۈزۈڭ',
  familyNameRequired: 'فامىلىڭىزنى كىرگۈزۈڭ',
  familyNameInvalid: '100 ھەرپتىن ئاشمايدىغان فامىلە كىرگۈزۈڭ',
  emailRequired: 'ئېلخەت ئادرېسىڭىزنى كىرگۈزۈڭ',
  emailInvalid: 'name@example.org غا ئوخشاش ئېلخەت ئادرېسى كىرگۈزۈڭ',
  countryRequired: 'دۆلىتىڭىز ياكى رايونىڭىزنى تاللاڭ',
  countryInvalid: 'تىزىملىكتىن بىر دۆلەت ياكى رايوننى تاللاڭ',
  postalCodeRequired: 'پوچتا نومۇرىڭىزنى كىرگۈزۈڭ',
  postalCodeInvalid: 'پەقەت ھەرپ، رەقەم، بوشلۇق ياكى سىزىقچىدىن تۈزۈلگەن پوچتا نومۇرى كىرگۈزۈڭ',
  phoneRequired: 'تېلېفون نومۇرىڭىزنى كىرگۈزۈڭ',
  phoneInvalid: '\u200E+90 212 555 0123 غا ئوخشاش تېلېفون نومۇرى كىرگۈزۈڭ',
  commentRequired: 'پىكىر كىرگۈزۈڭ',
  commentInvalid: 'پىكرىڭىزنى 2,000 ھەرپ ياكى ئۇنىڭدىن ئازغا قىسقارتىڭ',
  errorPrefix: 'خاتالىق:',

  consent:
    'بۇ پائالىيەت ۋە ھەرىكەت قىلىشنىڭ باشقا يوللىرى توغرىسىدا ماڭا ئېلخەت ئارقىلىق خەۋەر بېرىڭ. خالىغان ۋاقىتتا مۇشتەرىلىكتىن چېكىنەلەيمەن.',
  privacy: 'شەخسىي مەخپىيەتلىك سىياسىتى',
  trap: 'بۇ بۆلەكنى بوش قالدۇرۇڭ',
  submit: 'ئىلتىماسقا ئىمزا قويۇش',
  submitting: 'ئىمزايىڭىز يوللىنىۋاتىدۇ…',

  unavailable: 'بۇ ئىلتىماس جەدۋىلى ھازىر ئىمزا قوبۇل قىلالمايدۇ.',
  errorRejected: 'ئىمزايىڭىزنى خاتىرىلىگىلى بولمىدى. ئۇچۇرلىرىڭىزنى تەكشۈرۈپ قايتا سىناڭ.',
  errorTooLarge: 'ئىمزايىڭىز يوللاشقا بەك ئۇزۇن. پىكرىڭىزنى قىسقارتىڭ.',
  errorForbidden: 'بۇ ئىلتىماسنىڭ ئىمزالىرىنى بۇ بەتتىن يوللىغىلى بولمايدۇ.',
  errorCaptcha: 'ئەخلەت ئۇچۇرغا قارشى تەكشۈرۈش مۇۋەپپەقىيەتلىك بولمىدى. قايتا سىناڭ.',

  newTab: '(يېڭى بەتكۈچتە ئېچىلىدۇ)',
} satisfies PetitionFormMessages;
