import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashNewPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { PasswordChange } from "@/lib/schemas/account";
import { revokeUserTokens } from "@/lib/services/api-tokens/revoke-user-tokens";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { checkPassword } from "@/lib/services/auth/check-password";
import { endProviderSessions } from "@/lib/services/oidc/end-provider-sessions";

const wrongCurrentPassword = () =>
  new AppError("validation_failed", "The request has invalid fields.", {
    fieldErrors: [{ field: "currentPassword", message: "The current password is incorrect." }],
  });

type PasswordChanged = { endedSessions: number; revokedTokens: number };

/**
 * Changes the caller's password after checking the current one, and signs out every
 * other browser and API client: whoever knew the old password is cut off. Personal
 * access tokens go too unless the caller asks to keep them. The check shares the
 * sign-in limits, so a stolen session cannot be used to guess the password.
 */
export async function changeOwnPassword({ actor, data }: { actor: Actor; data: PasswordChange }): Promise<PasswordChanged> {
  const user = await db().user.findFirst({ where: { id: actor.userId, deletedAt: null } });
  if (!user) throw notFound("User");
  const confirmed = await checkPassword({ email: user.email, user, password: data.currentPassword, purpose: "confirmation" });
  if (!confirmed) throw wrongCurrentPassword();

  const passwordHash = await hashNewPassword({ password: data.newPassword, email: user.email, field: "newPassword" });
  return db().$transaction(async (tx) => {
    const now = new Date();
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: now, version: { increment: 1 } },
    });
    const others = { userId: user.id, ...(actor.sessionId ? { id: { not: actor.sessionId } } : {}) };
    const ending = await tx.session.findMany({ where: others, select: { id: true } });
    await endProviderSessions(tx, { userId: user.id, sessionIds: ending.map(({ id }) => id), reason: "password-reset" });
    const { count } = await tx.session.deleteMany({ where: others });
    const revokedTokens = data.revokeTokens === false ? 0 : await revokeUserTokens(tx, user.id);
    await recordAuditEvent(tx, {
      action: "auth.password_changed",
      actor,
      target: { type: "user", id: user.id },
      after: { endedSessions: count, revokedTokens },
    });
    return { endedSessions: count, revokedTokens };
  });
}
