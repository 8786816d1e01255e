import { Prisma } from "@/lib/generated/prisma/client";
import type { PhoneNumber, ProfileUpdate } from "@/lib/schemas/profile";

type ProfileColumns = Omit<ProfileUpdate, "phoneNumbers"> & { phoneNumbers?: PhoneNumber[] | typeof Prisma.DbNull };

/**
 * The user columns a profile change writes: only the fields sent, so a PATCH leaves the
 * rest alone. An empty phone list is stored as SQL NULL, like every other cleared field.
 */
export function profileColumns(profile: ProfileUpdate | undefined): ProfileColumns {
  if (!profile) return {};
  const { phoneNumbers, ...text } = profile;
  const columns: ProfileColumns = Object.fromEntries(Object.entries(text).filter(([, value]) => value !== undefined));
  if (phoneNumbers !== undefined) columns.phoneNumbers = phoneNumbers?.length ? phoneNumbers : Prisma.DbNull;
  return columns;
}
