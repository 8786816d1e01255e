import "server-only";
import { hashNewPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import type { ResetPasswordInput } from "@/lib/schemas/auth-email";
import { revokeUserTokens } from "@/lib/services/api-tokens/revoke-user-tokens";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { consumeOneTimeToken, invalidLink } from "@/lib/services/auth/consume-one-time-token";
import { enforceEmailFlowLimits } from "@/lib/services/auth/enforce-email-flow-limits";
import { clearSignInThrottles } from "@/lib/services/auth/sign-in-failures";
import { mailSignInMethods } from "@/lib/services/mfa/mail-sign-in-methods";
import { endProviderSessions } from "@/lib/services/oidc/end-provider-sessions";

/**
 * Sets a new password from a reset link. The link works once; every session of the user
 * ends and every personal access token is revoked, so whoever knew the old password is
 * cut off. Following the link also proves the address is the user's, so it counts as
 * verified and lifts every sign-in delay. The owner is mailed the second factors the
 * account still has.
 */
export async function resetPassword({ token, password }: ResetPasswordInput): Promise<{ email: string }> {
  await enforceEmailFlowLimits({ flow: "password-reset" });
  // The password policy needs the account's address, known only from the link; hashing
  // stays outside the transaction, and a refused password leaves the link unused.
  const linked = await db().oneTimeToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { user: { select: { email: true } } },
  });
  if (!linked) throw invalidLink();
  const passwordHash = await hashNewPassword({ password, email: linked.user.email, field: "password" });
  const reset = await db().$transaction(async (tx) => {
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
    await clearSignInThrottles(tx, user.email);
    const ended = await tx.session.deleteMany({ where: { userId: user.id } });
    await endProviderSessions(tx, { userId: user.id, reason: "password-reset" });
    const revokedTokens = await revokeUserTokens(tx, user.id);
    await recordAuditEvent(tx, {
      action: "auth.password_reset_completed",
      actor: { id: user.id, email: user.email },
      target: { type: "user", id: user.id },
      after: { sessionsEnded: ended.count, revokedTokens },
    });
    return { email: user.email, userId: user.id };
  });
  // A reset keeps the account's second factors: the owner is shown them, so one planted
  // while a session was open is noticed now that every session has ended.
  await mailSignInMethods({ userId: reset.userId, notice: { change: "password-reset" } });
  return { email: reset.email };
}
