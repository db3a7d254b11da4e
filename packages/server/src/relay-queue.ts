/** The write side of the relay outbox, used by the signature's and the confirmation's transactions (kept apart from relay.ts so store.ts stays small). */
import type { Queryable } from './db.js';

/**
 * One `signature.created` row per relay target of the petition, in the caller's transaction (the
 * signature's, after its consents). An Action Network target takes only signers who granted its consent,
 * unless it is set to take all signers: Action Network subscribes anyone new to its list, whatever the
 * status sent. Under double opt-in (`doubleOptIn`: the signer is sent a confirmation link) a granted
 * consent is not consent yet: such a target waits for the confirmation (enqueueConfirmations), so a
 * signer who never confirms never reaches it.
 */
export async function enqueueRelays(tx: Queryable, petitionId: string, signatureId: number, doubleOptIn: boolean): Promise<void> {
  await tx.query(
    `INSERT INTO relay_outbox (target_id, signature_id, delivery_id, double_opt_in)
     SELECT t.id, $2, gen_random_uuid(), $3 FROM relay_targets t
     WHERE t.petition_id = $1
       AND (t.kind <> 'actionnetwork' OR t.all_signers
            OR EXISTS (SELECT 1 FROM consents c WHERE c.signature_id = $2 AND c.consent_id = t.consent_id AND c.granted
                                                  AND (NOT $3 OR c.state = 'confirmed')))
     ON CONFLICT DO NOTHING`,
    [petitionId, signatureId, doubleOptIn],
  );
}

/**
 * The deliveries of a confirmation, in its transaction (src/mail.ts useToken), after `consentIds` of the
 * signature turned `confirmed`: a `consent.confirmed` row for each target that has (or will have) the
 * signature — an Action Network target only when its consent is among them —, then the signature itself
 * to each Action Network target that waited for this confirmation (one added after the signature was
 * made never gets it, as for any signature).
 */
export async function enqueueConfirmations(tx: Queryable, signatureId: number, consentIds: string[]): Promise<void> {
  await tx.query(
    `INSERT INTO relay_outbox (target_id, signature_id, delivery_id, event, double_opt_in)
     SELECT o.target_id, o.signature_id, gen_random_uuid(), 'consent.confirmed', o.double_opt_in
       FROM relay_outbox o JOIN relay_targets t ON t.id = o.target_id
      WHERE o.signature_id = $1 AND o.event = 'signature.created' AND (t.kind <> 'actionnetwork' OR t.consent_id = ANY ($2::text[]))
     ON CONFLICT DO NOTHING`,
    [signatureId, consentIds],
  );
  await tx.query(
    `INSERT INTO relay_outbox (target_id, signature_id, delivery_id, double_opt_in)
     SELECT t.id, s.id, gen_random_uuid(), true FROM signatures s JOIN relay_targets t ON t.petition_id = s.petition_id
      WHERE s.id = $1 AND t.kind = 'actionnetwork' AND NOT t.all_signers AND t.consent_id = ANY ($2::text[]) AND t.created_at <= s.created_at
     ON CONFLICT DO NOTHING`,
    [signatureId, consentIds],
  );
}
