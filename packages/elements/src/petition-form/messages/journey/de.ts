/**
 * German messages of petition-form's journey after signing. The translation is ours (machine-assisted, from
 * the English and French catalogs), to be reviewed by a native speaker.
 */
import type { PetitionFormJourneyMessages } from './en.js';

export default {
  stepOf: 'Schritt {index} von {count}: {title}',
  next: 'Weiter',
  skip: 'Jetzt nicht',
  shareTitle: 'Sagen Sie es weiter',
  donateTitle: 'Unterstützen Sie die Kampagne',
  donateText: 'Eine Spende, auch eine kleine, hält die Kampagne am Leben.',
  donateLink: 'Jetzt spenden',
  doneTitle: 'Danke für Ihre Unterstützung',
  doneText: 'Jede Stimme zählt. Gemeinsam halten wir den Druck aufrecht.',
} satisfies PetitionFormJourneyMessages;
