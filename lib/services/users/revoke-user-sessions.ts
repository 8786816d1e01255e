import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { canManageUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { requireUserManager } from "@/lib/services/users/require-user-manager";

/** Signs a user out of every browser and API session at once. */
export async function revokeUserSessions({ actor, userId }: { actor: Actor; userId: string }): Promise<{ revoked: number }> {
  requireUserManager(actor);
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
    if (!user) throw notFound("User");
    if (!canManageUser(actor.role, user.role)) throw new AppError("forbidden", "Only a superadmin can sign out a superadmin.");
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await recordAuditEvent(tx, {
      action: "user.sessions_revoked",
      actor: { id: actor.userId, email: actor.email },
      target: { type: "user", id: userId },
      after: { revoked: count },
    });
    return { revoked: count };
  });
}
