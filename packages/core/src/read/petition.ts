/** The reader of a whole petition (the client's); a counter reads only its figures (counts.ts). See base.ts for why zod-free. */
import type { Petition } from '../contract.js';
import { LOCALE_PATTERN } from '../vocabulary.js';
import { count, idText, object, oneOf, optional, reader } from './base.js';
import { goal } from './counts.js';
import { dateTime, text } from './formats.js';

/** The petition reader itself, for files that hold petitions (read/static.ts). */
export const readPetitionValue = object<Petition>({
  id: idText,
  title: text(500),
  description: optional(text(5000)),
  shareText: optional(text(500)),
  status: oneOf(['open', 'closed']),
  signatureCount: count,
  countryCount: count,
  goal,
  updatedAt: dateTime,
  locale: text(64, LOCALE_PATTERN),
});

/** Reads `GET /petitions/{id}`. */
export const readPetition = reader(readPetitionValue);
