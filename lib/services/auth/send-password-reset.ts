import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { mailPasswordResetLink } from "@/lib/services/auth/mail-password-reset-link";

/**
 * An administrator sends a user a reset link. Admins may do so for users and admins;
 * only a superadmin may for a superadmin, so an admin cannot take over a higher account.
 */
export async function sendPasswordReset({ actor, userId }: { actor: Actor; userId: string }): Promise<{ sent: true }> {
  authorize(actor, "users:write");
  const user = await db().user.findFirst({ where: { id: userId, deletedAt: null } });
  if (!user) throw notFound("User");
  authorize(actor, "users:write", { user });
  if (user.status !== "active") throw new AppError("conflict", "The account is disabled; enable it first.");
  await mailPasswordResetLink({ user, requestedBy: { id: actor.userId, email: actor.email } });
  return { sent: true };
}
