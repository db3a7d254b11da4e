import type { PetitionFormMessages } from './en.js';

export default {
  givenName: 'Nombre',
  familyName: 'Apellidos',
  email: 'Correo electrónico',
  country: 'País o territorio',
  postalCode: 'Código postal',
  phone: 'Teléfono',
  comment: 'Comentario',
  optional: '(opcional)',
  chooseCountry: 'Elige…',
  emailHelp: 'Lo usamos para registrar tu firma una sola vez.',
  phoneHelp: 'Con el prefijo del país, por ejemplo +34 612 34 56 78.',
  commentHelp: 'Hasta 2000 caracteres.',

  givenNameRequired: 'Escribe tu nombre',
  givenNameInvalid: 'Escribe un nombre de 100 caracteres como máximo',
  familyNameRequired: 'Escribe tus apellidos',
  familyNameInvalid: 'Escribe unos apellidos de 100 caracteres como máximo',
  emailRequired: 'Escribe tu dirección de correo electrónico',
  emailInvalid: 'Escribe una dirección de correo válida, por ejemplo nombre@ejemplo.es',
  countryRequired: 'Elige tu país o territorio',
  countryInvalid: 'Elige un país o territorio de la lista',
  postalCodeRequired: 'Escribe tu código postal',
  postalCodeInvalid: 'Escribe un código postal solo con letras, números, espacios o guiones',
  phoneRequired: 'Escribe tu número de teléfono',
  phoneInvalid: 'Escribe un número de teléfono, por ejemplo +34 612 34 56 78',
  commentRequired: 'Escribe un comentario',
  commentInvalid: 'Acorta tu comentario a 2000 caracteres como máximo',
  errorPrefix: 'Error:',

  consent:
    'Quiero recibir por correo electrónico información sobre esta campaña y otras formas de actuar. Puedo darme de baja en cualquier momento.',
  privacy: 'Política de privacidad',
  trap: 'Deja este campo vacío',
  submit: 'Firmar la petición',
  submitting: 'Enviando tu firma…',

  unavailable: 'Este formulario no puede recibir firmas en este momento.',
  errorRejected: 'No se ha podido registrar tu firma. Revisa tus datos e inténtalo de nuevo.',
  errorTooLarge: 'Tu firma es demasiado larga para enviarla. Acorta tu comentario.',
  errorForbidden: 'Las firmas de esta petición no se pueden enviar desde esta página.',
  errorCaptcha: 'La comprobación antispam no ha funcionado. Inténtalo de nuevo.',

  newTab: '(se abre en una pestaña nueva)',
} satisfies PetitionFormMessages;
