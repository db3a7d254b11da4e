export { SignatureCounter, counterConfig } from './signature-counter.js';
export { CountChangeEvent } from './events.js';
export { autoGoal } from './goal.js';
export {
  PetitionStore,
  petitionStoreConfig,
  type PetitionFigures,
  type PetitionSnapshot,
  type PetitionListener,
} from '../shared/petition-store.js';
