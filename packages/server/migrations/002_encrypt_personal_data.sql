-- 002: personal data encrypted at rest (see src/crypto.ts and docs/server.md "Personal data at rest").
-- A signer is found by `email_index` (HMAC-SHA256 of the normalised email), never by the address. Their
-- fields are sealed (AES-256-GCM) with a key of their own, in the *_sealed columns. The plain columns of
-- 001 are kept for rows written before this migration: the server seals those rows at start and empties
-- them, so they are NULL in every row afterwards.

-- A check value of the data key (an HMAC under a key derived from it): a server given another key is refused.
CREATE TABLE data_key_check (
  id          integer PRIMARY KEY CHECK (id = 1),
  check_value bytea NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Person keys wrapped by the data key, by blind index (PostgreSQL; PGlite keeps them outside its folder).
CREATE TABLE person_keys (
  email_index bytea PRIMARY KEY,
  wrapped_key bytea NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE signatures
  ADD COLUMN email_index            bytea,
  ADD COLUMN email_sealed           bytea,
  ADD COLUMN given_name_sealed      bytea,
  ADD COLUMN family_name_sealed     bytea,
  ADD COLUMN postal_code_sealed     bytea,
  ADD COLUMN phone_sealed           bytea,
  ADD COLUMN comment_sealed         bytea,
  ADD COLUMN source_referrer_sealed bytea,
  ALTER COLUMN email_normalised DROP NOT NULL,
  ALTER COLUMN email DROP NOT NULL,
  ALTER COLUMN given_name DROP NOT NULL,
  ALTER COLUMN family_name DROP NOT NULL;
ALTER TABLE signatures DROP CONSTRAINT signatures_petition_id_email_normalised_key;
DROP INDEX signatures_email_idx;
CREATE UNIQUE INDEX signatures_petition_email_index_key ON signatures (petition_id, email_index);
CREATE INDEX signatures_email_index_idx ON signatures (email_index);

ALTER TABLE suspect_signatures
  ADD COLUMN email_index    bytea,
  ADD COLUMN request_sealed bytea,
  ALTER COLUMN email_normalised DROP NOT NULL,
  ALTER COLUMN request DROP NOT NULL;
DROP INDEX suspect_signatures_email_idx;
CREATE INDEX suspect_signatures_email_index_idx ON suspect_signatures (email_index);
