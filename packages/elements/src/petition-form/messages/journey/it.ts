/**
 * Italian messages of petition-form's journey after signing. The translation is ours (machine-assisted, from
 * the English and French catalogs), to be reviewed by a native speaker.
 */
import type { PetitionFormJourneyMessages } from './en.js';

export default {
  stepOf: 'Passo {index} di {count}: {title}',
  next: 'Continua',
  skip: 'Non ora',
  shareTitle: 'Passa parola',
  donateTitle: 'Sostieni la campagna',
  donateText: 'Una donazione, anche piccola, fa vivere la campagna.',
  donateLink: 'Fai una donazione',
  doneTitle: 'Grazie per il tuo sostegno',
  doneText: 'Ogni voce conta. Insieme teniamo alta la pressione.',
} satisfies PetitionFormJourneyMessages;
