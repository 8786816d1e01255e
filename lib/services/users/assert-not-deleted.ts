import type { User } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

/** Deleted users can only be read, restored or purged. */
export function assertNotDeleted(user: User): void {
  if (user.deletedAt) throw new AppError("conflict", "The user is deleted; restore them first.");
}
