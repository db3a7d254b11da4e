import { formatNumber, plural } from '@agir/core';
import type { PetitionFormViewMessages } from './en.js';

export default {
  summaryTitle: 'C’è un problema',
  thanksTitle: 'Grazie per aver firmato!',
  thanksCount: ({ count }, locale) =>
    plural(locale, Number(count), {
      one: 'Finora ha firmato {count} persona.',
      other: 'Finora hanno firmato {count} persone.',
    }).replace('{count}', formatNumber(locale, Number(count))),
  queuedTitle: 'La tua firma è salvata',
  queuedText:
    'Al momento non riusciamo a raggiungere il server. La tua firma è conservata su questo dispositivo e sarà inviata automaticamente.',
  unsentTitle: 'Non è stato possibile inviare la tua firma',
  unsentText: 'Il server ha avuto diversi errori. La tua firma è conservata su questo dispositivo: riprova tra un momento.',
  retrySend: 'Riprova',
  sentLater: 'La tua firma salvata è stata inviata.',
  alreadyTitle: 'Hai già firmato da questo dispositivo',
  alreadyText: 'Grazie! Qualcun altro qui vuole firmare?',
  signAnother: 'Firma per un’altra persona',
  closedTitle: 'Questa petizione è chiusa',
  closedText: 'Non accetta più firme. Grazie per il tuo sostegno.',
  // notFoundTitle, notFoundText: our translation (machine-assisted, from the English), to be reviewed by a native speaker.
  notFoundTitle: 'Questa petizione non è stata trovata',
  notFoundText: 'Potrebbe essere stata ritirata, oppure il link di questa pagina è errato. Qui non è possibile registrare firme.',
  shareCall: 'Chiedi ai tuoi amici di firmare anche loro:',
  share: 'Condividi',
  shareText: 'Ho firmato «{title}». Aggiungi il tuo nome:',
  shareSubject: 'Firma questa petizione: {title}',
  copyLink: 'Copia il link',
  copied: 'Link copiato',
  copyFailed: 'Non è stato possibile copiare il link',
} satisfies PetitionFormViewMessages;
