-- 005: a notification when a petition's counts, goal or baseline change (see src/sse.ts and docs/server.md
-- "Several processes on one PostgreSQL"). Every writer (a signature on any server process, an erasure, the
-- CLI's petition update) raises it in its own transaction, so it is sent on commit and only then. Server
-- processes on PostgreSQL LISTEN to `agir_counts` and tell their open streams at once; the payload is the
-- petition's id, never a count (they read the row). PGlite runs the trigger too; nobody listens there.
CREATE FUNCTION agir_notify_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('agir_counts', NEW.id);
  RETURN NULL;
END
$$;

CREATE TRIGGER petitions_notify_counts AFTER UPDATE ON petitions FOR EACH ROW
  WHEN (OLD.signature_count IS DISTINCT FROM NEW.signature_count
     OR OLD.country_count IS DISTINCT FROM NEW.country_count
     OR OLD.goal IS DISTINCT FROM NEW.goal
     OR OLD.baseline_signatures IS DISTINCT FROM NEW.baseline_signatures
     OR OLD.baseline_countries IS DISTINCT FROM NEW.baseline_countries)
  EXECUTE FUNCTION agir_notify_counts();
