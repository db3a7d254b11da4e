import { formatNumber, plural } from '@agir/core';

/**
 * English messages of petition-form: the fallback of every other language. Field errors are named
 * `<field>Required` and `<field>Invalid`. `thanksCount` receives `{ count }` (a number).
 */
const en = {
  givenName: 'Given name',
  familyName: 'Family name',
  email: 'Email',
  country: 'Country or territory',
  postalCode: 'Postal code',
  phone: 'Phone',
  comment: 'Comment',
  optional: '(optional)',
  chooseCountry: 'Choose…',
  emailHelp: 'We use it to count your signature only once.',
  phoneHelp: 'With the country code, for example +44 20 7946 0958.',
  commentHelp: 'Up to 2,000 characters.',

  givenNameRequired: 'Enter your given name',
  givenNameInvalid: 'Enter a given name of up to 100 characters',
  familyNameRequired: 'Enter your family name',
  familyNameInvalid: 'Enter a family name of up to 100 characters',
  emailRequired: 'Enter your email address',
  emailInvalid: 'Enter an email address like name@example.org',
  countryRequired: 'Choose your country or territory',
  countryInvalid: 'Choose a country or territory from the list',
  postalCodeRequired: 'Enter your postal code',
  postalCodeInvalid: 'Enter a postal code with only letters, digits, spaces or hyphens',
  phoneRequired: 'Enter your phone number',
  phoneInvalid: 'Enter a phone number like +44 20 7946 0958',
  commentRequired: 'Enter a comment',
  commentInvalid: 'Shorten your comment to 2,000 characters or fewer',
  /** Read before each field error by screen readers (visually hidden). */
  errorPrefix: 'Error:',
  summaryTitle: 'There is a problem',

  consent: 'Keep me informed by email about this campaign and other ways to act. I can unsubscribe at any time.',
  privacy: 'Privacy policy',
  /** Label of the anti-spam field nobody sees. */
  trap: 'Leave this field empty',
  submit: 'Sign the petition',
  submitting: 'Sending your signature…',

  thanksTitle: 'Thank you for signing!',
  thanksCount: ({ count }: Record<string, unknown>, locale: string) =>
    plural(locale, Number(count), { one: '{count} person has signed so far.', other: '{count} people have signed so far.' }).replace(
      '{count}',
      formatNumber(locale, Number(count)),
    ),
  thanksDuplicate: 'Your signature had already been counted.',
  queuedTitle: 'Your signature is saved',
  queuedText: 'We could not reach the server just now. Your signature is kept on this device and will be sent automatically.',
  sentLater: 'Your saved signature has been sent.',
  alreadyTitle: 'You have already signed on this device',
  alreadyText: 'Thank you! Does someone else here want to sign?',
  signAnother: 'Sign for someone else',
  closedTitle: 'This petition is closed',
  closedText: 'It no longer accepts signatures. Thank you for your support.',
  unavailable: 'This petition form cannot accept signatures at the moment.',
  errorRejected: 'Your signature could not be recorded. Please check your details and try again.',
  errorTooLarge: 'Your signature is too long to be sent. Please shorten your comment.',
  errorCaptcha: 'The anti-spam check did not work. Please try again.',

  shareCall: 'Ask your friends to sign too:',
  share: 'Share',
  shareText: 'I signed “{title}”. Add your name:',
  shareSubject: 'Sign this petition: {title}',
  copyLink: 'Copy the link',
  copied: 'Link copied',
  copyFailed: 'The link could not be copied',
  newTab: '(opens in a new tab)',
};

export type PetitionFormMessages = typeof en;
export default en;
