/**
 * The contract's readers for what an endpoint sends back, zod-free, one module per resource so that an
 * element carries only the readers of what it reads (a counter: read/counts.ts; a case card: read/case.ts).
 * Why zod-free, and how they are held to the schemas: read/base.ts.
 */
export { DATE_TIME } from './read/formats.js';
export { fail, isObject, Problem, reader, type Reader, type ReadResult } from './read/base.js';
export { readPetition } from './read/petition.js';
export { readCountEvent, readPetitionCountEvent, readPetitionFigures, type PetitionFigures } from './read/counts.js';
export { readCase, readCaseList } from './read/case.js';
export { isValidPersonField, personFields } from './read/person.js';
export { readErrorBody, readHealth, readSignatureResponse } from './read/responses.js';
