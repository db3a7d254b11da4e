/** Readers of a case and a list of cases: all a case card needs (see base.ts for why they are zod-free). */
import type { Case, CaseList } from '../contract.js';
import { caseStatusKinds, COUNTRY_PATTERN, DAY_PATTERN, LOCALE_PATTERN } from '../vocabulary.js';
import { fail, idText, int, isObject, object, oneOf, optional, reader } from './base.js';
import { array, bool, dateTime, httpUrl, nonEmpty, text } from './formats.js';

/** The case reader itself, for files that hold cases (read/static.ts). */
export const readCaseValue = object<Case>({
  id: idText,
  name: nonEmpty(200),
  fullName: optional(text(300)),
  isGroup: bool,
  photo: optional(object({ src: httpUrl, alt: text(500), credit: optional(text(200)), width: int(1, 10000), height: int(1, 10000) })),
  country: text(2, COUNTRY_PATTERN),
  region: optional(text(200)),
  category: array(idText, 20),
  status: object<Case['status']>({ kind: oneOf(caseStatusKinds), label: optional(text(200)), since: optional(text(10, DAY_PATTERN)) }),
  summary: text(1000),
  story: optional(array(text(5000), 50)),
  quote: optional(object({ text: nonEmpty(2000), author: text(200) })),
  action: optional((value, path) => {
    const label = isObject(value) ? nonEmpty(80)(value.label, [...path, 'label']) : fail(path, 'expected an object');
    const link = value as Record<string, unknown>;
    // As the contract's union: a link if `url` is valid, else a petition if `petition` is.
    try {
      return { label, url: httpUrl(link.url, [...path, 'url']) };
    } catch (problem) {
      if (link.petition === undefined) throw problem;
      return { label, petition: idText(link.petition, [...path, 'petition']) };
    }
  }),
  tags: optional(array(idText, 20)),
  updatedAt: dateTime,
  locale: text(64, LOCALE_PATTERN),
});
const readCaseListValue = object<CaseList>({ items: array(readCaseValue, 1000) });

/** Reads `GET /cases/{id}`. */
export const readCase = reader(readCaseValue);
/** Reads `GET /cases`. */
export const readCaseList = reader(readCaseListValue);
