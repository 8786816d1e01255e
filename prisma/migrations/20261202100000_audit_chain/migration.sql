-- Tamper evidence for the audit log: a hash chain over the events (sealed by the app
-- shortly after each commit), signed checkpoints for pruned prefixes, and a trigger that
-- keeps the table append-only.

-- An event must never be rewritten, not even to forget a purged actor: keep the id only.
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_actor_id_fkey";

ALTER TABLE "audit_events" ADD COLUMN "seq" BIGINT, ADD COLUMN "hash" TEXT;
CREATE UNIQUE INDEX "audit_events_seq_key" ON "audit_events"("seq");
-- What the sealer reads: the events still waiting for their place in the chain.
CREATE INDEX "audit_events_unsealed_idx" ON "audit_events"("at", "id") WHERE "seq" IS NULL;

CREATE TABLE "audit_checkpoints" (
    "id" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_checkpoints_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "audit_checkpoints_seq_key" ON "audit_checkpoints"("seq");

-- The application's role owns the table (it runs the migrations), so REVOKE cannot bind
-- it; this trigger does. It allows exactly two writes besides INSERT: sealing an unsealed
-- event (setting seq and hash, nothing else), and DELETE inside a transaction that set
-- `usermanager.audit_prune` (the pruning job, which first writes a signed checkpoint).
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF current_setting('usermanager.audit_prune', true) = 'on' AND OLD.seq IS NOT NULL THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP USING ERRCODE = '42501';
  END IF;
  IF OLD.seq IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL
     AND (to_jsonb(NEW) - 'seq' - 'hash') = (to_jsonb(OLD) - 'seq' - 'hash') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP USING ERRCODE = '42501';
END;
$$;

CREATE TRIGGER "audit_events_append_only"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE FUNCTION audit_events_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only: TRUNCATE refused' USING ERRCODE = '42501';
END;
$$;

CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_no_truncate();
