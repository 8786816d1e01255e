-- A "view as" session names the administrator's own session it was started from, and
-- ends with it: whatever ends the administrator's sessions (sign-out, "sign out
-- everywhere", a password reset, disabling) ends their views too.
ALTER TABLE "sessions" ADD COLUMN "impersonator_session_id" UUID;

-- Views started before this column existed cannot be tied to a session: end them.
DELETE FROM "sessions" WHERE "impersonator_id" IS NOT NULL;

CREATE INDEX "sessions_impersonator_session_id_idx" ON "sessions"("impersonator_session_id");

ALTER TABLE "sessions" ADD CONSTRAINT "sessions_impersonator_session_id_fkey" FOREIGN KEY ("impersonator_session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
