/**
 * Portuguese (European, readable in Brazil) messages of petition-form's journey after signing. The translation is ours (machine-assisted, from
 * the English and French catalogs), to be reviewed by a native speaker.
 */
import type { PetitionFormJourneyMessages } from './en.js';

export default {
  stepOf: 'Passo {index} de {count}: {title}',
  next: 'Continuar',
  skip: 'Agora não',
  shareTitle: 'Passe a palavra',
  donateTitle: 'Apoie a campanha',
  donateText: 'Um donativo, mesmo pequeno, mantém a campanha viva.',
  donateLink: 'Fazer um donativo',
  doneTitle: 'Obrigado pelo seu apoio',
  doneText: 'Cada voz conta. Juntos mantemos a pressão.',
} satisfies PetitionFormJourneyMessages;
