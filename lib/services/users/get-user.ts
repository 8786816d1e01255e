import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ManagedUser } from "@/lib/schemas/user";
import { toManagedUser } from "@/lib/services/users/to-managed-user";

/** One user, deleted or not, for an administrator. */
export async function getUser({ actor, userId }: { actor: Actor; userId: string }): Promise<ManagedUser> {
  authorize(actor, "users:read");
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user) throw notFound("User");
  return toManagedUser(user);
}
