import type { User } from "@/lib/generated/prisma/client";
import type { UserPublic } from "@/lib/schemas/user";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export type UserPublicRecord = Pick<
  User,
  "id" | "email" | "name" | "role" | "status" | "emailVerified" | "lastLoginAt" | "createdAt" | "updatedAt"
>;

/** The only way a user leaves the service layer: field by field, so no secret slips out. */
export function toUserPublic(user: UserPublicRecord): UserPublic {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    emailVerifiedAt: iso(user.emailVerified),
    lastLoginAt: iso(user.lastLoginAt),
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
