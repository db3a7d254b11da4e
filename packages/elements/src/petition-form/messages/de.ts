import type { PetitionFormMessages } from './en.js';

export default {
  givenName: 'Vorname',
  familyName: 'Nachname',
  email: 'E-Mail',
  country: 'Land oder Gebiet',
  postalCode: 'Postleitzahl',
  phone: 'Telefon',
  comment: 'Kommentar',
  optional: '(optional)',
  chooseCountry: 'Bitte wählen…',
  emailHelp: 'Damit speichern wir Ihre Unterschrift nur einmal.',
  phoneHelp: 'Mit Landesvorwahl, zum Beispiel +49 30 12345678.',
  commentHelp: 'Bis zu 2.000 Zeichen.',

  givenNameRequired: 'Geben Sie Ihren Vornamen ein',
  givenNameInvalid: 'Geben Sie einen Vornamen mit höchstens 100 Zeichen ein',
  familyNameRequired: 'Geben Sie Ihren Nachnamen ein',
  familyNameInvalid: 'Geben Sie einen Nachnamen mit höchstens 100 Zeichen ein',
  emailRequired: 'Geben Sie Ihre E-Mail-Adresse ein',
  emailInvalid: 'Geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de',
  countryRequired: 'Wählen Sie Ihr Land oder Gebiet',
  countryInvalid: 'Wählen Sie ein Land oder Gebiet aus der Liste',
  postalCodeRequired: 'Geben Sie Ihre Postleitzahl ein',
  postalCodeInvalid: 'Geben Sie eine Postleitzahl nur mit Buchstaben, Ziffern, Leerzeichen oder Bindestrichen ein',
  phoneRequired: 'Geben Sie Ihre Telefonnummer ein',
  phoneInvalid: 'Geben Sie eine Telefonnummer ein, zum Beispiel +49 30 12345678',
  commentRequired: 'Geben Sie einen Kommentar ein',
  commentInvalid: 'Kürzen Sie Ihren Kommentar auf höchstens 2.000 Zeichen',
  errorPrefix: 'Fehler:',

  consent:
    'Ich möchte per E-Mail über diese Kampagne und weitere Möglichkeiten zum Handeln informiert werden. Ich kann mich jederzeit abmelden.',
  privacy: 'Datenschutzerklärung',
  trap: 'Dieses Feld bitte leer lassen',
  submit: 'Petition unterschreiben',
  submitting: 'Ihre Unterschrift wird gesendet…',

  unavailable: 'Dieses Formular kann im Moment keine Unterschriften annehmen.',
  errorRejected: 'Ihre Unterschrift konnte nicht gespeichert werden. Bitte prüfen Sie Ihre Angaben und versuchen Sie es erneut.',
  errorTooLarge: 'Ihre Unterschrift ist zu lang zum Senden. Bitte kürzen Sie Ihren Kommentar.',
  errorForbidden: 'Unterschriften für diese Petition können nicht von dieser Seite aus gesendet werden.',
  errorCaptcha: 'Die Spam-Prüfung hat nicht funktioniert. Bitte versuchen Sie es erneut.',

  newTab: '(öffnet in einem neuen Tab)',
} satisfies PetitionFormMessages;
