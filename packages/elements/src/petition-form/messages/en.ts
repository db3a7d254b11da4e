/**
 * English messages of petition-form's form (those of the notices and sharing are in views/en.ts). Every
 * language is complete (its type says so), so English, like the others, loads only on an English page.
 * Field errors are named `<field>Required` and `<field>Invalid`.
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
  emailHelp: 'We use it to record your signature only once.',
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

  consent: 'Keep me informed by email about this campaign and other ways to act. I can unsubscribe at any time.',
  privacy: 'Privacy policy',
  /** Label of the anti-spam field nobody sees. */
  trap: 'Leave this field empty',
  submit: 'Sign the petition',
  submitting: 'Sending your signature…',

  unavailable: 'This petition form cannot accept signatures at the moment.',
  errorRejected: 'Your signature could not be recorded. Please check your details and try again.',
  errorTooLarge: 'Your signature is too long to be sent. Please shorten your comment.',
  errorForbidden: 'Signatures for this petition cannot be sent from this page.',
  errorCaptcha: 'The anti-spam check did not work. Please try again.',

  newTab: '(opens in a new tab)',
};

export type PetitionFormMessages = typeof en;
export default en;
