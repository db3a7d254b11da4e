import type { PetitionFormMessages } from './en.js';

// Registro: «tu», come nelle campagne italiane.
export default {
  givenName: 'Nome',
  familyName: 'Cognome',
  email: 'Email',
  country: 'Paese o territorio',
  postalCode: 'CAP',
  phone: 'Telefono',
  comment: 'Commento',
  optional: '(facoltativo)',
  chooseCountry: 'Scegli…',
  emailHelp: 'Ci serve per registrare la tua firma una sola volta.',
  phoneHelp: 'Con il prefisso internazionale, per esempio +39 06 1234 5678.',
  commentHelp: 'Fino a 2.000 caratteri.',

  givenNameRequired: 'Inserisci il tuo nome',
  givenNameInvalid: 'Inserisci un nome di 100 caratteri al massimo',
  familyNameRequired: 'Inserisci il tuo cognome',
  familyNameInvalid: 'Inserisci un cognome di 100 caratteri al massimo',
  emailRequired: 'Inserisci il tuo indirizzo email',
  emailInvalid: 'Inserisci un indirizzo email valido, per esempio nome@esempio.it',
  countryRequired: 'Scegli il tuo paese o territorio',
  countryInvalid: 'Scegli un paese o territorio dall’elenco',
  postalCodeRequired: 'Inserisci il tuo CAP',
  postalCodeInvalid: 'Inserisci un CAP composto solo da lettere, cifre, spazi o trattini',
  phoneRequired: 'Inserisci il tuo numero di telefono',
  phoneInvalid: 'Inserisci un numero di telefono, per esempio +39 06 1234 5678',
  commentRequired: 'Inserisci un commento',
  commentInvalid: 'Accorcia il tuo commento a 2.000 caratteri al massimo',
  errorPrefix: 'Errore:',

  consent:
    'Voglio ricevere per email notizie su questa campagna e su altri modi per agire. Posso annullare l’iscrizione in qualsiasi momento.',
  privacy: 'Informativa sulla privacy',
  trap: 'Lascia vuoto questo campo',
  submit: 'Firma la petizione',
  submitting: 'Invio della tua firma…',

  unavailable: 'Al momento questo modulo non può ricevere firme.',
  errorRejected: 'Non è stato possibile registrare la tua firma. Controlla i tuoi dati e riprova.',
  errorTooLarge: 'La tua firma è troppo lunga per essere inviata. Accorcia il tuo commento.',
  errorForbidden: 'Le firme per questa petizione non possono essere inviate da questa pagina.',
  errorCaptcha: 'Il controllo antispam non è riuscito. Riprova.',

  newTab: '(si apre in una nuova scheda)',
} satisfies PetitionFormMessages;
