import type { PetitionFormMessages } from './en.js';

// Aanspreekvorm: "je", zoals in Nederlandse campagnes.
export default {
  givenName: 'Voornaam',
  familyName: 'Achternaam',
  email: 'E-mail',
  country: 'Land of gebied',
  postalCode: 'Postcode',
  phone: 'Telefoon',
  comment: 'Opmerking',
  optional: '(optioneel)',
  chooseCountry: 'Kies…',
  emailHelp: 'Hiermee slaan we je handtekening maar één keer op.',
  phoneHelp: 'Met de landcode, bijvoorbeeld +31 6 12345678.',
  commentHelp: 'Maximaal 2.000 tekens.',

  givenNameRequired: 'Vul je voornaam in',
  givenNameInvalid: 'Vul een voornaam in van maximaal 100 tekens',
  familyNameRequired: 'Vul je achternaam in',
  familyNameInvalid: 'Vul een achternaam in van maximaal 100 tekens',
  emailRequired: 'Vul je e-mailadres in',
  emailInvalid: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl',
  countryRequired: 'Kies je land of gebied',
  countryInvalid: 'Kies een land of gebied uit de lijst',
  postalCodeRequired: 'Vul je postcode in',
  postalCodeInvalid: 'Vul een postcode in met alleen letters, cijfers, spaties of streepjes',
  phoneRequired: 'Vul je telefoonnummer in',
  phoneInvalid: 'Vul een telefoonnummer in, bijvoorbeeld +31 6 12345678',
  commentRequired: 'Vul een opmerking in',
  commentInvalid: 'Kort je opmerking in tot maximaal 2.000 tekens',
  errorPrefix: 'Fout:',

  consent: 'Houd me per e-mail op de hoogte van deze campagne en andere manieren om in actie te komen. Ik kan me altijd afmelden.',
  privacy: 'Privacybeleid',
  trap: 'Laat dit veld leeg',
  submit: 'Teken de petitie',
  submitting: 'Je handtekening wordt verstuurd…',

  unavailable: 'Dit petitieformulier kan op dit moment geen handtekeningen ontvangen.',
  errorRejected: 'Je handtekening kon niet worden opgeslagen. Controleer je gegevens en probeer het opnieuw.',
  errorTooLarge: 'Je handtekening is te lang om te versturen. Kort je opmerking in.',
  errorForbidden: 'Handtekeningen voor deze petitie kunnen niet vanaf deze pagina worden verstuurd.',
  errorCaptcha: 'De spamcontrole is mislukt. Probeer het opnieuw.',

  newTab: '(opent in een nieuw tabblad)',
} satisfies PetitionFormMessages;
