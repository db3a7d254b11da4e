/**
 * Readers of a petition's figures and of its count events: all a counter needs, and nothing more (no dates,
 * no URLs). See base.ts for why they are zod-free.
 */
import type { CountEvent, Petition, PetitionCountEvent } from '../contract.js';
import { count, idText, int, object, oneOf, optional, reader, type Reader } from './base.js';

/** A goal: a whole number from 1, or null for none. */
export const goal: Reader<number | null> = (value, path) => (value === null ? null : int(1)(value, path));

/** The fields of a petition a counter shows. */
export type PetitionFigures = Pick<Petition, 'signatureCount' | 'countryCount' | 'goal' | 'status'>;
/**
 * Reads only the figures of `GET /petitions/{id}` (counts, goal, status), with the petition schema's rules
 * for them: a counter carries these few readers, not the date and text ones of the whole petition.
 */
export const readPetitionFigures = reader(
  object<PetitionFigures>({ signatureCount: count, countryCount: count, goal, status: oneOf(['open', 'closed']) }),
);
/** Reads a `count` event of the petition stream (`GET /petitions/{id}/stream`). */
export const readCountEvent = reader(object<CountEvent>({ signatureCount: count, countryCount: count, goal: optional(goal) }));
/** Reads a `count` event of the stream of several petitions (`GET /stream?petitions=a,b`). */
export const readPetitionCountEvent = reader(
  object<PetitionCountEvent>({ petition: idText, signatureCount: count, countryCount: count, goal: optional(goal) }),
);
