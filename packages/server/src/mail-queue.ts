/** The write side of the mail outbox, used by the signature's transaction (as relay-queue.ts is for the relay). */
import type { Queryable } from './db.js';

/** The signature's confirmation email, in the caller's transaction: sent later by the MailWorker (src/mail.ts). */
export async function enqueueMail(tx: Queryable, signatureId: number): Promise<void> {
  await tx.query('INSERT INTO mail_outbox (signature_id, message_id) VALUES ($1, gen_random_uuid()) ON CONFLICT DO NOTHING', [signatureId]);
}
