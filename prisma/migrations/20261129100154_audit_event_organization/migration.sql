-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "organization_id" UUID;

-- CreateIndex
CREATE INDEX "audit_events_organization_id_at_idx" ON "audit_events"("organization_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_ip_at_idx" ON "audit_events"("ip", "at");

-- CreateIndex
CREATE INDEX "audit_events_actor_email_at_idx" ON "audit_events"("actor_email", "at");

-- Events written before the column existed: organization events name it as their
-- target; role, invitation and token events carry it in their snapshots.
UPDATE "audit_events" SET "organization_id" = "target_id"::uuid
WHERE "target_type" = 'organization' AND "target_id" ~ '^[0-9a-f-]{36}$';
UPDATE "audit_events" SET "organization_id" = coalesce("after"->>'organizationId', "before"->>'organizationId')::uuid
WHERE "organization_id" IS NULL
  AND coalesce("after"->>'organizationId', "before"->>'organizationId') ~ '^[0-9a-f-]{36}$';
