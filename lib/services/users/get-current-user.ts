import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { UserPublic } from "@/lib/schemas/user";
import { toUserPublic } from "@/lib/services/users/to-user-public";

/** The signed-in user's own record. */
export async function getCurrentUser({ actor }: { actor: Actor }): Promise<UserPublic> {
  const user = await db().user.findFirst({ where: { id: actor.userId, deletedAt: null } });
  if (!user) throw notFound("User");
  return toUserPublic(user);
}
