-- 007: the relay honours double opt-in (see src/relay.ts, src/opt-in.ts and docs/server.md "Relay to your systems").
--
-- A delivery now has an event: `signature.created` (the signature, as before) or `consent.confirmed` (its
-- signer followed the emailed link, written in the confirmation's transaction). One delivery per target,
-- signature and event: exactly once each, whatever the retries.
ALTER TABLE relay_outbox
  ADD COLUMN event text NOT NULL DEFAULT 'signature.created' CHECK (event IN ('signature.created', 'consent.confirmed')),
  -- Whether the signature was taken under double opt-in (its signer is sent a confirmation link): then a
  -- granted consent subscribes nobody until it is confirmed. Recorded when the row is written, so a later
  -- change of the server's setting never changes what one signature's signer was promised.
  ADD COLUMN double_opt_in boolean NOT NULL DEFAULT false;
ALTER TABLE relay_outbox DROP CONSTRAINT relay_outbox_target_id_signature_id_key;
ALTER TABLE relay_outbox ADD CONSTRAINT relay_outbox_target_signature_event_key UNIQUE (target_id, signature_id, event);

-- The server's settings that outlive a process. `opt_in`: `double` once a server has started with SMTP
-- (every signature is sent a confirmation link), until the operator says `agir-server mail opt-in single`.
CREATE TABLE server_settings (
  name       text PRIMARY KEY,
  value      text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
