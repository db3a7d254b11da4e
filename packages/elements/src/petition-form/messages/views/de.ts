import { formatNumber, plural } from '@agir/core';
import type { PetitionFormViewMessages } from './en.js';

export default {
  summaryTitle: 'Es gibt ein Problem',
  thanksTitle: 'Danke für Ihre Unterschrift!',
  thanksCount: ({ count }, locale) =>
    plural(locale, Number(count), {
      one: 'Bisher hat {count} Person unterschrieben.',
      other: 'Bisher haben {count} Personen unterschrieben.',
    }).replace('{count}', formatNumber(locale, Number(count))),
  queuedTitle: 'Ihre Unterschrift ist gespeichert',
  queuedText:
    'Der Server ist gerade nicht erreichbar. Ihre Unterschrift bleibt auf diesem Gerät gespeichert und wird automatisch gesendet.',
  unsentTitle: 'Ihre Unterschrift konnte nicht gesendet werden',
  unsentText:
    'Der Server ist mehrmals gescheitert. Ihre Unterschrift bleibt auf diesem Gerät gespeichert: Versuchen Sie es gleich noch einmal.',
  retrySend: 'Erneut versuchen',
  sentLater: 'Ihre gespeicherte Unterschrift wurde gesendet.',
  alreadyTitle: 'Sie haben auf diesem Gerät bereits unterschrieben',
  alreadyText: 'Danke! Möchte hier noch jemand unterschreiben?',
  signAnother: 'Für eine andere Person unterschreiben',
  closedTitle: 'Diese Petition ist beendet',
  closedText: 'Sie nimmt keine Unterschriften mehr an. Danke für Ihre Unterstützung.',
  // notFoundTitle, notFoundText: our translation (machine-assisted, from the English), to be reviewed by a native speaker.
  notFoundTitle: 'Diese Petition wurde nicht gefunden',
  notFoundText: 'Vielleicht wurde sie zurückgezogen, oder der Link dieser Seite ist falsch. Hier kann keine Unterschrift erfasst werden.',
  shareCall: 'Bitten Sie Freundinnen und Freunde, auch zu unterschreiben:',
  share: 'Teilen',
  shareText: 'Ich habe „{title}“ unterschrieben. Mach auch mit:',
  shareSubject: 'Bitte unterschreib diese Petition: {title}',
  copyLink: 'Link kopieren',
  copied: 'Link kopiert',
  copyFailed: 'Der Link konnte nicht kopiert werden',
} satisfies PetitionFormViewMessages;
