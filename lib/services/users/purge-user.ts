import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { purgedEmail } from "@/lib/services/users/purged-email";
import { endProviderSessions } from "@/lib/services/oidc/end-provider-sessions";
import { profileFields } from "@/lib/schemas/profile";
import { profileColumns } from "@/lib/services/users/profile-columns";

/**
 * Erases a deleted user's personal data for good: the row stays (so audit events and
 * memberships keep pointing at an id) but its email, name, profile, image and password go, and
 * every way of signing in as them is removed. Only deleted users can be purged, so a
 * purge is always a deliberate second step.
 */
export async function purgeUser({ actor, userId }: { actor: Actor; userId: string }): Promise<{ id: string; purged: true }> {
  authorize(actor, "users:purge");
  await db().$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
    const target = user ? await tx.user.findUniqueOrThrow({ where: { id: user.id } }) : null;
    if (!target) throw notFound("User");
    authorize(actor, "users:purge", { user: target });
    if (!target.deletedAt) throw new AppError("conflict", "Delete the user before purging them.");
    if (target.email === purgedEmail(target.id)) throw new AppError("conflict", "The user was already purged.");

    await tx.account.deleteMany({ where: { userId } });
    await tx.session.deleteMany({ where: { userId } });
    await endProviderSessions(tx, { userId, reason: "deleted" });
    await tx.apiToken.deleteMany({ where: { userId } });
    await tx.oneTimeToken.deleteMany({ where: { userId } });
    // The profile, the organizations' enterprise attributes and what directories sent (phones, addresses) are personal data too.
    await tx.memberProfile.deleteMany({ where: { userId } });
    await tx.scimUser.updateMany({ where: { userId }, data: { attributes: {} } });
    await tx.user.update({
      where: { id: userId },
      data: {
        email: purgedEmail(userId),
        name: null,
        image: null,
        passwordHash: null,
        emailVerified: null,
        lockedUntil: null,
        failedSignIns: 0,
        ...profileColumns(Object.fromEntries(profileFields.map((field) => [field, null]))),
        version: { increment: 1 },
      },
    });
    // Only ids: the point of a purge is that the personal data is gone from here on.
    await recordAuditEvent(tx, {
      action: "user.purged",
      actor,
      target: { type: "user", id: userId },
    });
  });
  return { id: userId, purged: true };
}
