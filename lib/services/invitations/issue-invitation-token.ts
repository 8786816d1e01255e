import "server-only";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { config } from "@/lib/config";

/** A fresh link secret and its expiry; only the digest goes into the database. */
export function issueInvitationToken(now = new Date()) {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + config().INVITATION_TTL_DAYS * 24 * 3600 * 1000);
  return { token, tokenHash: hashToken(token), expiresAt };
}
