/** The write side of the relay outbox, used by the signature's transaction (kept apart from relay.ts so store.ts stays small). */
import type { Queryable } from './db.js';

/** One outbox row per relay target of the petition, in the caller's transaction (the signature's). */
export async function enqueueRelays(tx: Queryable, petitionId: string, signatureId: number): Promise<void> {
  await tx.query(
    `INSERT INTO relay_outbox (target_id, signature_id, delivery_id)
     SELECT id, $2, gen_random_uuid() FROM relay_targets WHERE petition_id = $1 ON CONFLICT DO NOTHING`,
    [petitionId, signatureId],
  );
}
