/**
 * Uyghur (Arabic script, right to left) messages of signature-counter. The translation is ours
 * (machine-assisted, from the English and French catalogs), to be reviewed by a native speaker.
 */
import type { SignatureCounterMessages } from './en.js';

// A noun after a number stays singular in Uyghur ("323,832 ئىمزا"): no plural forms to choose from.
const ug: SignatureCounterMessages = {
  label: () => 'ئىمزا',
  countries: ({ formatted }) => `${String(formatted)} دۆلەت ۋە رايوندىن`,
  goal: 'نىشان: {formatted}',
  progress: '{count} {label}، نىشان {goal}',
  progressLabel: 'نىشانغا يېتىش ئەھۋالى',
  loading: 'ئىمزا سانى يۈكلىنىۋاتىدۇ…',
  unavailable: 'سانى ئېنىق ئەمەس',
};

export default ug;
