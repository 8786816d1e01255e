import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { writeAttributeValues } from "@/lib/services/attributes/write-attribute-values";
import { authorize } from "@/lib/auth/authorize";
import { hashNewPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ValueSource } from "@/lib/schemas/attribute-values";
import type { ManagedUser, UserCreate } from "@/lib/schemas/user";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { queueInvitationEmail } from "@/lib/services/users/queue-invitation-email";
import { toManagedUser } from "@/lib/services/users/to-managed-user";
import { conflictOnUniqueViolation } from "@/lib/services/unique-conflict";

/**
 * An administrator creates a user with a password, or without one and with an emailed
 * invitation to choose it. A taken email (even of a deleted user) is a conflict.
 */
export async function createUser({
  actor,
  data,
  attributeSource,
}: {
  actor: Actor;
  data: UserCreate;
  /** How the attribute values arrive: JSON from the API, text from a form. */
  attributeSource?: ValueSource;
}): Promise<ManagedUser> {
  authorize(actor, "users:write", { user: { role: data.role } });
  // Making someone an admin or superadmin gives them a global role: a sensitive action.
  const passwordHash =
    data.password === undefined ? null : await hashNewPassword({ password: data.password, email: data.email, field: "password" });

  const emailTaken = "A user with this email already exists.";
  const user = await db()
    .$transaction(async (tx) => {
      const taken = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
      if (taken) throw new AppError("conflict", emailTaken);
      const created = await tx.user.create({
        data: { email: data.email, name: data.name ?? null, role: data.role, passwordHash },
      });
      const attributes = { actor, userId: created.id, organizationId: null, input: data.attributes ?? {}, audience: "admin" as const };
      await writeAttributeValues(tx, { ...attributes, creating: true, source: attributeSource });
      if (data.invite) await queueInvitationEmail(tx, created);
      await recordAuditEvent(tx, {
        action: "user.created",
        actor,
        target: { type: "user", id: created.id },
        after: { ...toManagedUser(created), invited: data.invite === true },
      });
      return created;
    })
    .catch(conflictOnUniqueViolation(emailTaken));
  return toManagedUser(user);
}
