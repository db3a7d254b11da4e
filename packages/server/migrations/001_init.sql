-- 001: petitions with counter columns, signatures, consents, suspect signatures, cases.
-- The same SQL runs on PGlite and PostgreSQL.

CREATE TABLE petitions (
  id                  text PRIMARY KEY,
  title               text NOT NULL,
  status              text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  goal                bigint CHECK (goal IS NULL OR goal >= 1),
  locale              text NOT NULL,
  -- Signatures collected elsewhere before this server (e.g. a migrated campaign): added to the counts.
  baseline_signatures bigint NOT NULL DEFAULT 0 CHECK (baseline_signatures >= 0),
  baseline_countries  integer NOT NULL DEFAULT 0 CHECK (baseline_countries >= 0),
  -- Counted signatures stored here, and distinct countries among them: maintained by the write path
  -- in the same transaction as the signature, so reading a count never scans signatures.
  signature_count     bigint NOT NULL DEFAULT 0 CHECK (signature_count >= 0),
  country_count       integer NOT NULL DEFAULT 0 CHECK (country_count >= 0),
  -- Origins allowed to embed this petition (CORS), on top of the server's global allow-list.
  cors_origins        text[] NOT NULL DEFAULT '{}',
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);

-- Signatures per (petition, country): tells the write path whether a signature adds a country.
CREATE TABLE petition_countries (
  petition_id text NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  country     text NOT NULL,
  signatures  bigint NOT NULL CHECK (signatures >= 0),
  PRIMARY KEY (petition_id, country)
);

-- One counted signature per (petition, normalised email) and per (petition, idempotency key).
CREATE TABLE signatures (
  id               bigserial PRIMARY KEY,
  petition_id      text NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  idempotency_key  uuid NOT NULL,
  email_normalised text NOT NULL,
  email            text NOT NULL,
  given_name       text NOT NULL,
  family_name      text NOT NULL,
  country          text NOT NULL,
  postal_code      text,
  phone            text,
  comment          text,
  locale           text NOT NULL,
  source_url       text NOT NULL,
  source_referrer  text,
  source_utm       jsonb,
  source_embed     text,
  started_at       timestamptz NOT NULL,
  submitted_at     timestamptz NOT NULL,
  -- The count the first answer carried: a retried request with the same key gets the same answer.
  response_count   bigint NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (petition_id, idempotency_key),
  UNIQUE (petition_id, email_normalised)
);
CREATE INDEX signatures_email_idx ON signatures (email_normalised);

-- Consent records, with the exact words shown and their version.
CREATE TABLE consents (
  signature_id bigint NOT NULL REFERENCES signatures (id) ON DELETE CASCADE,
  consent_id   text NOT NULL,
  granted      boolean NOT NULL,
  text         text NOT NULL,
  version      text NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (signature_id, consent_id)
);

-- Submissions judged automated (honeypot filled, form filled too fast): answered like any other,
-- kept apart for review, never counted.
CREATE TABLE suspect_signatures (
  id               bigserial PRIMARY KEY,
  petition_id      text NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  idempotency_key  uuid NOT NULL,
  email_normalised text NOT NULL,
  reason           text NOT NULL,
  request          jsonb NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (petition_id, idempotency_key)
);
CREATE INDEX suspect_signatures_email_idx ON suspect_signatures (email_normalised);

-- Cases, one row per (id, locale); `data` is the contract's Case object, checked on import.
CREATE TABLE cases (
  id         text NOT NULL,
  locale     text NOT NULL,
  tags       text[] NOT NULL DEFAULT '{}',
  position   integer NOT NULL DEFAULT 0,
  data       jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, locale)
);
