/**
 * Single or double opt-in: whether a signer's granted consent counts at once, or only once its signer has
 * followed the emailed confirmation link (src/mail.ts). The relay (src/relay-queue.ts, src/relay.ts) and the
 * mail outbox follow it, per signature: a signature taken under double opt-in is sent a confirmation link,
 * and its relay deliveries carry `double_opt_in`, so Action Network is told `subscribed` only once it is
 * confirmed.
 *
 * The mode is the database's, not the process's. A server started with SMTP records `double`; it stays so
 * when a later start has no SMTP_URL (a deploy that lost its environment, a typo in a variable's name): the
 * confirmation emails then wait in the outbox for a server with SMTP, and nobody is subscribed unconfirmed
 * in the meantime. Read from the process's configuration alone, such a moment would silently turn the
 * signatures it takes into single opt-in: subscribed in the organisation's CRM without a confirmation,
 * which the consent's law (Germany, Austria) does not allow. An SMTP server that is down changes nothing
 * either: the mail is retried. Leaving double opt-in is the operator's explicit act: `agir-server mail opt-in single`.
 */
import type { Queryable } from './db.js';

export type OptIn = 'single' | 'double';

/** The database's mode: `single` until a server with SMTP (or the operator) records `double`. */
export async function readOptIn(db: Queryable): Promise<OptIn> {
  const [row] = await db.query<{ value: string }>("SELECT value FROM server_settings WHERE name = 'opt_in'");
  return row?.value === 'double' ? 'double' : 'single';
}

export async function recordOptIn(db: Queryable, mode: OptIn): Promise<void> {
  await db.query(
    `INSERT INTO server_settings (name, value) VALUES ('opt_in', $1)
     ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = now() WHERE server_settings.value <> excluded.value`,
    [mode],
  );
}
