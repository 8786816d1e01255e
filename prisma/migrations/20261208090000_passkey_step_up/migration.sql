-- A session may confirm who it is (step-up) with a passkey: the challenge it answers is
-- kept like a sign-in's, with its own purpose so it can never be spent as a sign-in, and
-- bound to the session that asked, with which it ends.
ALTER TYPE "PendingSignInPurpose" ADD VALUE 'step_up';

ALTER TABLE "pending_sign_ins" ADD COLUMN "session_id" UUID;

CREATE INDEX "pending_sign_ins_session_id_idx" ON "pending_sign_ins"("session_id");

ALTER TABLE "pending_sign_ins" ADD CONSTRAINT "pending_sign_ins_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
