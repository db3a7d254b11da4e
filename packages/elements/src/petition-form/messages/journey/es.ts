/**
 * Spanish messages of petition-form's journey after signing. The translation is ours (machine-assisted, from
 * the English and French catalogs), to be reviewed by a native speaker.
 */
import type { PetitionFormJourneyMessages } from './en.js';

export default {
  stepOf: 'Paso {index} de {count}: {title}',
  next: 'Continuar',
  skip: 'Ahora no',
  shareTitle: 'Corre la voz',
  donateTitle: 'Apoya la campaña',
  donateText: 'Una donación, aunque sea pequeña, mantiene viva la campaña.',
  donateLink: 'Hacer una donación',
  doneTitle: 'Gracias por tu apoyo',
  doneText: 'Cada voz cuenta. Juntos mantenemos la presión.',
} satisfies PetitionFormJourneyMessages;
