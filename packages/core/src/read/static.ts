/** The reader of a static file (static-client.ts): the contract's petitions and cases, in one JSON file. */
import type { Case, Petition } from '../contract.js';
import { object, optional, reader } from './base.js';
import { readCaseValue } from './case.js';
import { array } from './formats.js';
import { readPetitionValue } from './petition.js';

/**
 * What a static file holds: `{ "petitions": [Petition…], "cases": [Case…] }`, each object as the contract's
 * `GET /petitions/{id}` and `GET /cases/{id}` answer it (docs/contract.md); either list may be left out.
 */
export interface StaticData {
  petitions?: Petition[];
  cases?: Case[];
}

/** Reads a static file. */
export const readStaticData = reader(
  object<StaticData>({ petitions: optional(array(readPetitionValue, 1000)), cases: optional(array(readCaseValue, 1000)) }),
);
