/**
 * Dutch messages of petition-form's journey after signing. The translation is ours (machine-assisted, from
 * the English and French catalogs), to be reviewed by a native speaker.
 */
import type { PetitionFormJourneyMessages } from './en.js';

export default {
  stepOf: 'Stap {index} van {count}: {title}',
  next: 'Doorgaan',
  skip: 'Nu niet',
  shareTitle: 'Vertel het verder',
  donateTitle: 'Steun de campagne',
  donateText: 'Een gift, hoe klein ook, houdt de campagne gaande.',
  donateLink: 'Doneer',
  doneTitle: 'Bedankt voor je steun',
  doneText: 'Elke stem telt. Samen houden we de druk erop.',
} satisfies PetitionFormJourneyMessages;
