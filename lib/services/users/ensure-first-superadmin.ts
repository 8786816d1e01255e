import "server-only";
import { hashNewPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { toUserPublic } from "@/lib/services/users/to-user-public";

export type FirstSuperadminResult = { created: true; email: string } | { created: false; email: string | null };

/**
 * Creates the first superadmin of a new installation; does nothing once any superadmin
 * exists, so it is safe to run on every start.
 */
export async function ensureFirstSuperadmin({ email, password }: { email: string; password: string }): Promise<FirstSuperadminResult> {
  const existing = await db().user.findFirst({
    where: { role: "superadmin", deletedAt: null },
    orderBy: { createdAt: "asc" },
  });
  if (existing) return { created: false, email: existing.email };

  const passwordHash = await hashNewPassword({ password, email, field: "password" });
  const user = await db().$transaction(async (tx) => {
    const created = await tx.user.create({
      data: { email, passwordHash, role: "superadmin", emailVerified: new Date(), name: "Administrator" },
    });
    await recordAuditEvent(tx, {
      action: "user.created",
      actor: null,
      target: { type: "user", id: created.id },
      after: toUserPublic(created),
    });
    return created;
  });
  return { created: true, email: user.email };
}
