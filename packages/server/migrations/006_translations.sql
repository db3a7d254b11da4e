-- 005: a petition's and a case's words in several languages (issue 19). The API negotiates the language
-- (?locale=, then Accept-Language, then the record's default language: src/negotiate.ts).
--
-- A petition's own row keeps its default language (`locale`) and that language's words: its title, and now
-- its description and share text. Its other languages are rows of petition_translations.
ALTER TABLE petitions
  ADD COLUMN description text,
  ADD COLUMN share_text  text;

CREATE TABLE petition_translations (
  petition_id text NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  locale      text NOT NULL,
  title       text NOT NULL,
  description text,
  share_text  text,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (petition_id, locale)
);

-- Cases were one row per (id, locale) already; one row of each id is its default language: the one imported
-- first. For the cases imported before this migration, that is the row first in import order.
ALTER TABLE cases ADD COLUMN is_default boolean NOT NULL DEFAULT false;
UPDATE cases SET is_default = true
 WHERE (id, locale) IN (SELECT DISTINCT ON (id) id, locale FROM cases ORDER BY id, position, locale);
CREATE UNIQUE INDEX cases_one_default_idx ON cases (id) WHERE is_default;
