import { formatNumber, plural } from '@agir/core';
import type { PetitionFormViewMessages } from './en.js';

export default {
  summaryTitle: 'Hay un problema',
  thanksTitle: '¡Gracias por firmar!',
  thanksCount: ({ count }, locale) =>
    plural(locale, Number(count), {
      one: '{count} persona ha firmado hasta ahora.',
      other: '{count} personas han firmado hasta ahora.',
    }).replace('{count}', formatNumber(locale, Number(count))),
  queuedTitle: 'Tu firma está guardada',
  queuedText: 'No hemos podido conectar con el servidor. Tu firma se guarda en este dispositivo y se enviará automáticamente.',
  unsentTitle: 'No se ha podido enviar tu firma',
  unsentText: 'El servidor ha fallado varias veces. Tu firma se guarda en este dispositivo: vuelve a intentarlo en un momento.',
  retrySend: 'Reintentar',
  sentLater: 'Tu firma guardada se ha enviado.',
  alreadyTitle: 'Ya has firmado desde este dispositivo',
  alreadyText: '¡Gracias! ¿Alguien más quiere firmar?',
  signAnother: 'Firmar por otra persona',
  closedTitle: 'Esta petición está cerrada',
  closedText: 'Ya no admite firmas. Gracias por tu apoyo.',
  // notFoundTitle, notFoundText: our translation (machine-assisted, from the English), to be reviewed by a native speaker.
  notFoundTitle: 'No se encuentra esta petición',
  notFoundText: 'Puede que se haya retirado o que el enlace de esta página sea erróneo. Aquí no se puede registrar ninguna firma.',
  shareCall: 'Pide a tus amistades que firmen también:',
  share: 'Compartir',
  shareText: 'He firmado «{title}». Suma tu nombre:',
  shareSubject: 'Firma esta petición: {title}',
  copyLink: 'Copiar el enlace',
  copied: 'Enlace copiado',
  copyFailed: 'No se ha podido copiar el enlace',
} satisfies PetitionFormViewMessages;
