import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { UserPublic } from "@/lib/schemas/user";
import { findAttributeValues } from "@/lib/services/attributes/find-attribute-values";
import { toUserPublic } from "@/lib/services/users/to-user-public";

/** The signed-in user's own record. */
export async function getCurrentUser({ actor }: { actor: Actor }): Promise<UserPublic> {
  const user = await db().user.findFirst({ where: { id: actor.userId, deletedAt: null } });
  if (!user) throw notFound("User");
  const attributes = await findAttributeValues(undefined, { userId: user.id, organizationId: null, audience: "user" });
  return { ...toUserPublic(user), attributes };
}
