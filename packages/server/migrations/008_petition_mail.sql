-- 008: a petition can send its signers no email (see docs/server.md "Signers whose mail is watched").
--
-- The thank-you (and the newsletter's confirmation link) goes to the address typed in the form: anyone can
-- type anyone's address, and a mailbox a state reads then holds "thank you for signing" for a petition its
-- owner may never have seen. `mail_signers = false`: no mail is queued for this petition's signatures, and
-- one still waiting in the outbox is dropped, not sent.
ALTER TABLE petitions ADD COLUMN mail_signers boolean NOT NULL DEFAULT true;
