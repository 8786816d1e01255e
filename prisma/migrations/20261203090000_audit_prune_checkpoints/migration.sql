-- Pruning needs a checkpoint, not a session setting. Until now any session could
-- `SET LOCAL usermanager.audit_prune = 'on'` and delete sealed events; now only events at
-- or before the newest pruning checkpoint may go, so removing anything else means first
-- writing a checkpoint, whose signature (Ed25519, under a key only the pruning job holds:
-- AUDIT_PRUNE_KEY) every verification checks. docs/security.md, "Tamper evidence".
--
-- An event is also never inserted already sealed: its place and hash come from the
-- sealer, which refuses an event dated well before the newest sealed one; a row written
-- with a chosen seq and hash would skip that check.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.seq IS NULL AND NEW.hash IS NULL THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit events are sealed after they are written, never inserted sealed' USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF OLD.seq IS NOT NULL AND OLD.seq <= (SELECT max(seq) FROM audit_checkpoints) THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit events are append-only: DELETE refused (only events up to the last pruning checkpoint may be removed)'
      USING ERRCODE = '42501';
  END IF;
  IF OLD.seq IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL
     AND (to_jsonb(NEW) - 'seq' - 'hash') = (to_jsonb(OLD) - 'seq' - 'hash') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP USING ERRCODE = '42501';
END;
$$;

DROP TRIGGER "audit_events_append_only" ON "audit_events";
CREATE TRIGGER "audit_events_append_only"
  BEFORE INSERT OR UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

-- A checkpoint is what lets events be deleted, so checkpoints are append-only too, and a
-- new one must name a sealed event after the previous checkpoint, with that event's hash:
-- a checkpoint cannot be moved, and cannot vouch for a chain that is not there.
CREATE FUNCTION audit_checkpoints_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.seq > coalesce((SELECT max(seq) FROM audit_checkpoints), 0)
       AND NEW.hash = (SELECT hash FROM audit_events WHERE seq = NEW.seq) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'an audit checkpoint must name a sealed event after the last checkpoint, with its hash'
      USING ERRCODE = '42501';
  END IF;
  RAISE EXCEPTION 'audit checkpoints are append-only: % refused', TG_OP USING ERRCODE = '42501';
END;
$$;

CREATE TRIGGER "audit_checkpoints_append_only"
  BEFORE INSERT OR UPDATE OR DELETE ON "audit_checkpoints"
  FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_append_only();

CREATE FUNCTION audit_checkpoints_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit checkpoints are append-only: TRUNCATE refused' USING ERRCODE = '42501';
END;
$$;

CREATE TRIGGER "audit_checkpoints_no_truncate"
  BEFORE TRUNCATE ON "audit_checkpoints"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoints_no_truncate();
