import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { ResetPasswordInput } from "@/lib/schemas/auth-email";
import { revokeUserTokens } from "@/lib/services/api-tokens/revoke-user-tokens";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { consumeOneTimeToken } from "@/lib/services/auth/consume-one-time-token";
import { enforceEmailFlowLimits } from "@/lib/services/auth/enforce-email-flow-limits";

/**
 * Sets a new password from a reset link. The link works once; every session of the user
 * ends and every personal access token is revoked, so whoever knew the old password is
 * cut off. Following the link also proves
 * the address is the user's, so it counts as verified and lifts a sign-in lockout.
 */
export async function resetPassword({ token, password }: ResetPasswordInput): Promise<{ email: string }> {
  await enforceEmailFlowLimits({ flow: "password-reset" });
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const { user } = await consumeOneTimeToken(tx, { token, purpose: "password_reset" });
    const now = new Date();
    await tx.user.update({
      where: { id: user.id },
      data: {
        passwordHash,
        passwordChangedAt: now,
        emailVerified: user.emailVerified ?? now,
        failedSignIns: 0,
        lockedUntil: null,
        version: { increment: 1 },
      },
    });
    const ended = await tx.session.deleteMany({ where: { userId: user.id } });
    const revokedTokens = await revokeUserTokens(tx, user.id);
    await recordAuditEvent(tx, {
      action: "auth.password_reset_completed",
      actor: { id: user.id, email: user.email },
      target: { type: "user", id: user.id },
      after: { sessionsEnded: ended.count, revokedTokens },
    });
    return { email: user.email };
  });
}
