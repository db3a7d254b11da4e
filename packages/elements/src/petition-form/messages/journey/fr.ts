/**
 * French messages of petition-form's journey after signing. The translation is ours (from the English
 * catalog), to be reviewed by a native speaker.
 */
import type { PetitionFormJourneyMessages } from './en.js';

export default {
  stepOf: 'Étape {index} sur {count} : {title}',
  next: 'Continuer',
  skip: 'Pas maintenant',
  shareTitle: 'Faites passer le mot',
  donateTitle: 'Soutenez la campagne',
  donateText: 'Un don, même modeste, fait vivre la campagne.',
  donateLink: 'Faire un don',
  doneTitle: 'Merci de votre soutien',
  doneText: 'Chaque voix compte. Ensemble, nous maintenons la pression.',
} satisfies PetitionFormJourneyMessages;
