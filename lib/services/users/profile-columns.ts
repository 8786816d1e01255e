import { Prisma } from "@/lib/generated/prisma/client";
import type { ProfileUpdate } from "@/lib/schemas/profile";

/**
 * The user columns a profile change writes: only the fields sent, so a PATCH leaves the
 * rest alone. An empty phone list is stored as SQL NULL, like every other cleared field.
 */
export function profileColumns(profile: ProfileUpdate | undefined): Prisma.UserUpdateManyMutationInput {
  if (!profile) return {};
  const { phoneNumbers, ...text } = profile;
  const columns: Prisma.UserUpdateManyMutationInput = Object.fromEntries(Object.entries(text).filter(([, value]) => value !== undefined));
  if (phoneNumbers !== undefined) columns.phoneNumbers = phoneNumbers?.length ? phoneNumbers : Prisma.DbNull;
  return columns;
}
