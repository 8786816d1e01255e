import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";

type GrantPayload = { clientId?: string; openid?: { scope?: string }; resources?: Record<string, string> };

/**
 * A person may see and revoke their own grants; someone else needs the power over users
 * the action names (reading, or changing), and the user must exist for them.
 */
export async function authorizeGrantOwner(actor: Actor, userId: string, permission: "users:read" | "users:write"): Promise<void> {
  if (actor.userId === userId) return;
  authorize(actor, permission);
  if (!idField.safeParse(userId).success) throw notFound("User");
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
  if (!user) throw notFound("User");
  authorize(actor, permission, { user });
}

/** A person's live grants, as the provider stored them: id, application, scopes, when made. */
export async function grantsOf(userId: string, clientId?: string) {
  const records = await db().oidcRecord.findMany({
    where: {
      kind: "Grant",
      accountId: userId,
      OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }],
      ...(clientId ? { payload: { path: ["clientId"], equals: clientId } } : {}),
    },
    select: { id: true, payload: true, createdAt: true },
  });
  return records.flatMap(({ id, payload, createdAt }) => {
    const grant = payload as GrantPayload;
    if (!grant.clientId) return [];
    const scopes = [grant.openid?.scope ?? "", ...Object.values(grant.resources ?? {})]
      .flatMap((scope) => scope.split(" "))
      .filter(Boolean);
    return [{ id, clientId: grant.clientId, scopes, createdAt }];
  });
}
