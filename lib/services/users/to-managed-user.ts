import type { User } from "@/lib/generated/prisma/client";
import type { ManagedUser } from "@/lib/schemas/user";
import { toUserPublic, type UserPublicRecord } from "@/lib/services/users/to-user-public";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * What queries for users to show leave out: the password hash is read only by the
 * password check; whether one is set is its own column.
 */
export const withoutPasswordHash = { passwordHash: true } as const;

/** What an administrator's view of a user is made of. */
export type ManagedUserRecord = UserPublicRecord & Pick<User, "deletedAt" | "lockedUntil" | "failedSignIns" | "hasPassword" | "version">;

/** A user as administrators see them: whether a password is set, never the hash itself. */
export function toManagedUser(user: ManagedUserRecord): ManagedUser {
  return {
    ...toUserPublic(user),
    deletedAt: iso(user.deletedAt),
    lockedUntil: iso(user.lockedUntil),
    failedSignIns: user.failedSignIns,
    hasPassword: user.hasPassword,
    version: user.version,
  };
}
