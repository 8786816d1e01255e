import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Refuses a change that would leave the organization without an owner. Call it after
 * lockOrganization, in the same transaction, so the count cannot change underneath.
 */
export async function assertAnotherOwner(tx: Tx, { organizationId, userId }: { organizationId: string; userId: string }) {
  const otherOwners = await tx.membership.count({
    where: { organizationId, userId: { not: userId }, role: { builtIn: true, name: "owner" } },
  });
  if (otherOwners === 0) {
    throw new AppError("conflict", "An organization needs at least one owner; make someone else owner first.");
  }
}
