import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { config } from "@/lib/config";
import { enforceRateLimits } from "@/lib/services/rate-limit/consume-rate-limit";

/** Every invitation sends an email to an address of the inviter's choosing; cap them so nobody can spam through us. */
export function limitInvitationEmails(actor: Actor): Promise<void> {
  return enforceRateLimits([
    { key: `invitation-email:user:${actor.userId}`, limit: config().INVITATION_EMAILS_PER_HOUR, windowSeconds: 3600 },
  ]);
}
