import "server-only";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { config } from "@/lib/config";

/**
 * The secret and expiry of every invitation link, to an organization or to a new account
 * an administrator created: both live INVITATION_TTL_DAYS. Only the digest is stored.
 */
export function issueInvitationToken(now = new Date()) {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + config().INVITATION_TTL_DAYS * 24 * 3600 * 1000);
  return { token, tokenHash: hashToken(token), expiresAt };
}
