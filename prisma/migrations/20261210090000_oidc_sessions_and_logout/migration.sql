-- A provider session remembers which session of ours signed it in, so it ends with it.
ALTER TABLE "oidc_records" ADD COLUMN "session_id" UUID;
CREATE INDEX "oidc_records_session_id_idx" ON "oidc_records"("session_id");

-- Back-channel logout tokens owed to applications, sent and retried by the logout dispatcher.
CREATE TABLE "oidc_logout_deliveries" (
    "id" UUID NOT NULL,
    "client_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "sid" TEXT,
    "reason" TEXT NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempt_count" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "oidc_logout_deliveries_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "oidc_logout_deliveries_due_idx" ON "oidc_logout_deliveries"("next_attempt_at");
