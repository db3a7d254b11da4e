/** Checking case records (the `cases import` file, the seed) against the contract's caseSchema. */
import { caseSchema, fieldErrors, type Case } from '@agir/core';
import './messages.js';

export type CheckedCases = { ok: true; cases: Case[] } | { ok: false; errors: string[] };

/**
 * Checks a JSON array of cases. Every bad record is named by its index and id with the field and the
 * problem (`record 2 (id "mamat"): status.kind: Invalid option…`); one bad record rejects them all. A record
 * without `updatedAt` is stamped with `now` (the import's time): an organiser writes the case, not its clock.
 */
export function checkCases(data: unknown, now = new Date()): CheckedCases {
  if (!Array.isArray(data)) return { ok: false, errors: ['expected a JSON array of cases'] };
  const errors: string[] = [];
  const cases: Case[] = [];
  const seen = new Set<string>();
  data.forEach((record: unknown, index) => {
    const id = typeof record === 'object' && record !== null && 'id' in record && typeof record.id === 'string' ? record.id : undefined;
    const name = `record ${index}${id === undefined ? '' : ` (id "${id}")`}`;
    const stamped =
      typeof record === 'object' && record !== null && !('updatedAt' in record) ? { ...record, updatedAt: now.toISOString() } : record;
    const result = caseSchema.safeParse(stamped);
    if (!result.success) {
      for (const [field, message] of Object.entries(fieldErrors(result.error.issues))) errors.push(`${name}: ${field}: ${message}`);
      return;
    }
    const key = `${result.data.id} ${result.data.locale}`;
    if (seen.has(key)) errors.push(`${name}: id: "${result.data.id}" appears twice in locale ${result.data.locale}`);
    seen.add(key);
    cases.push(result.data);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, cases };
}
