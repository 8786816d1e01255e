import "server-only";
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";
import { memberInclude, type MembershipWithUserAndRole } from "@/lib/services/organizations/to-member-public";

/** A member of this organization; anyone else, whatever they belong to, is not found. */
export async function getMembership(
  tx: Tx,
  { organizationId, userId }: { organizationId: string; userId: string },
): Promise<MembershipWithUserAndRole> {
  const membership = idField.safeParse(userId).success
    ? await tx.membership.findUnique({ where: { organizationId_userId: { organizationId, userId } }, include: memberInclude })
    : null;
  if (!membership) throw notFound("Member");
  return membership;
}
