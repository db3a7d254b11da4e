-- 009: a petition can count submissions rather than signers (see docs/server.md "What a prober can still learn").
--
-- An address that signed before is stored once and answered like a new signature; but with the counts moving
-- for a new address only, reading the public count before and after a signature sent in someone's name tells
-- whether they had signed. `count_repeats = true`: such a signature moves the counts (and the country tally)
-- exactly as a new one does, so the count says nothing of any address. The signature rows stay one per address.
ALTER TABLE petitions ADD COLUMN count_repeats boolean NOT NULL DEFAULT false;
