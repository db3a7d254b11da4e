/** The write side of the relay outbox, used by the signature's transaction (kept apart from relay.ts so store.ts stays small). */
import type { Queryable } from './db.js';

/**
 * One outbox row per relay target of the petition, in the caller's transaction (the signature's, after its
 * consents): an Action Network target takes only signers who granted its consent, unless it is set to take
 * all signers (Action Network subscribes anyone new to its list, whatever the status sent).
 */
export async function enqueueRelays(tx: Queryable, petitionId: string, signatureId: number): Promise<void> {
  await tx.query(
    `INSERT INTO relay_outbox (target_id, signature_id, delivery_id)
     SELECT t.id, $2, gen_random_uuid() FROM relay_targets t
     WHERE t.petition_id = $1
       AND (t.kind <> 'actionnetwork' OR t.all_signers
            OR EXISTS (SELECT 1 FROM consents c WHERE c.signature_id = $2 AND c.consent_id = t.consent_id AND c.granted))
     ON CONFLICT DO NOTHING`,
    [petitionId, signatureId],
  );
}
