/**
 * English messages of petition-form's journey after signing (`journey` attribute): its steps' headings, the
 * reader's buttons and the announcement of each step. `stepOf` receives `{ index }`, `{ count }` (formatted
 * numbers) and `{ title }`. The translations of this folder are ours (machine-assisted, from the English and
 * French), to be reviewed by native speakers.
 */
const en = {
  stepOf: 'Step {index} of {count}: {title}',
  next: 'Continue',
  skip: 'Not now',
  shareTitle: 'Spread the word',
  donateTitle: 'Support the campaign',
  donateText: 'A gift, even a small one, keeps the campaign going.',
  donateLink: 'Make a donation',
  doneTitle: 'Thank you for your support',
  doneText: 'Every voice counts. Together we keep up the pressure.',
};

export type PetitionFormJourneyMessages = typeof en;
export default en;
