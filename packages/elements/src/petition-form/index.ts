export { PetitionForm } from './petition-form.js';
export { AgirSubmitEvent, SignedEvent, QueuedEvent, PetitionErrorEvent } from './events.js';
export { JourneyStepEvent, type JourneyStep } from './journey-events.js';
export { configureSignatureQueue, flushQueue, queuedSignatures, type SignatureQueueSettings } from './page-queue.js';
export type { PetitionFormMessages } from './messages/en.js';
export type { PetitionFormJourneyMessages } from './messages/journey/en.js';
