-- 003: the relay outbox (see src/relay.ts and docs/server.md "Relay to your systems").
-- A target is where a petition's signatures are relayed: a signed webhook or an Action Network petition.
-- Its secret (webhook key, API key) is never stored: only the name of the environment variable holding it.
-- Every counted signature gets one outbox row per target of its petition, written in the same transaction.
-- The row holds no personal data: the signature is read and opened only to be sent. Erasing a person
-- deletes their signatures, and with them (ON DELETE CASCADE) their outbox rows, delivered or not.

CREATE TABLE relay_targets (
  id          bigserial PRIMARY KEY,
  petition_id text NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('webhook', 'actionnetwork')),
  url         text NOT NULL,
  secret_env  text NOT NULL,
  -- Action Network: tags added to the person, and the consent id that means "subscribe to the list".
  tags        text[] NOT NULL DEFAULT '{}',
  consent_id  text NOT NULL DEFAULT 'newsletter',
  -- Action Network subscribes anyone new to the API key's list: by default only signers who granted
  -- consent_id are relayed there; all_signers (relay add --all-signers) sends everyone, knowingly.
  all_signers boolean NOT NULL DEFAULT false,
  -- One delivery at a time per target, whatever the number of server processes: a lease.
  lease_owner text,
  lease_until timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX relay_targets_petition_idx ON relay_targets (petition_id);

CREATE TABLE relay_outbox (
  id              bigserial PRIMARY KEY,
  target_id       bigint NOT NULL REFERENCES relay_targets (id) ON DELETE CASCADE,
  signature_id    bigint NOT NULL REFERENCES signatures (id) ON DELETE CASCADE,
  -- The idempotency key of this delivery, sent with every attempt (Agir-Delivery, an OSDI identifier).
  delivery_id     uuid NOT NULL UNIQUE,
  delivered_at    timestamptz,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_attempt_at timestamptz,
  -- What went wrong last (HTTP status and reason, or the network error's code): never a body.
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (target_id, signature_id)
);
CREATE INDEX relay_outbox_due_idx ON relay_outbox (target_id, next_attempt_at, id) WHERE delivered_at IS NULL;
CREATE INDEX relay_outbox_signature_idx ON relay_outbox (signature_id);
