-- 004: the confirmation email and double opt-in (see src/mail.ts and docs/server.md "Confirmation email").
-- A granted consent starts `pending` and becomes `confirmed` when its signer follows the emailed link;
-- a consent not granted has no state. Rows granted before this migration are `pending` (never confirmed).
ALTER TABLE consents
  ADD COLUMN state        text CHECK (state IN ('pending', 'confirmed')),
  ADD COLUMN confirmed_at timestamptz;
UPDATE consents SET state = 'pending' WHERE granted;

-- The mail outbox, beside the relay's and run the same way: one row per counted signature, written in
-- the signature's transaction when the server sends email. It holds no personal data: the address and the
-- name are read and opened only to send. Erasing a person deletes their signatures and with them (ON DELETE
-- CASCADE) their mails, sent or not, and their confirmation links.
CREATE TABLE mail_outbox (
  id              bigserial PRIMARY KEY,
  signature_id    bigint NOT NULL UNIQUE REFERENCES signatures (id) ON DELETE CASCADE,
  -- The Message-ID of the mail, the same at every attempt: a mail sent twice (the process killed between
  -- the SMTP server's answer and its record) is recognisable as one.
  message_id      uuid NOT NULL UNIQUE,
  delivered_at    timestamptz,
  -- Refused for good by the SMTP server (a 5xx answer: no such mailbox…): not retried.
  failed_at       timestamptz,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_attempt_at timestamptz,
  -- One sender at a time, whatever the number of server processes: a lease on the row.
  lease_owner     text,
  lease_until     timestamptz,
  -- What went wrong last (the SMTP answer code, or the network error's code): never a message body.
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at, id) WHERE delivered_at IS NULL AND failed_at IS NULL;

-- Confirmation links: only the SHA-256 of each token is kept. A token is made when its mail is sent (a
-- retried mail gets a new one; the one of a failed attempt is deleted); it expires, and is used once.
CREATE TABLE consent_tokens (
  token_hash   bytea PRIMARY KEY,
  signature_id bigint NOT NULL REFERENCES signatures (id) ON DELETE CASCADE,
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_tokens_signature_idx ON consent_tokens (signature_id);
