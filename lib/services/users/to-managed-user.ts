import type { User } from "@/lib/generated/prisma/client";
import type { ManagedUser } from "@/lib/schemas/user";
import { toUserPublic } from "@/lib/services/users/to-user-public";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A user as administrators see them: whether a password is set, never the hash itself. */
export function toManagedUser(user: User): ManagedUser {
  return {
    ...toUserPublic(user),
    deletedAt: iso(user.deletedAt),
    lockedUntil: iso(user.lockedUntil),
    failedSignIns: user.failedSignIns,
    hasPassword: user.passwordHash !== null,
    version: user.version,
  };
}
