import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { MemberProfile } from "@/lib/generated/prisma/client";
import { emptyEnterprise, type EnterprisePublic, type EnterpriseUpdate } from "@/lib/schemas/profile";

/**
 * A member's enterprise attributes in one organization, shared by the members API and
 * the organization's directory (SCIM). The row is kept apart from the membership, so a
 * directory's deactivation, which deletes the membership, loses none of it.
 */

export function toEnterprisePublic(row: MemberProfile | null | undefined): EnterprisePublic {
  if (!row) return emptyEnterprise;
  return {
    employeeNumber: row.employeeNumber,
    costCenter: row.costCenter,
    organization: row.organization,
    division: row.division,
    department: row.department,
    managerId: row.managerId,
  };
}

/** The member's attributes in the organization; all empty when none were ever set. */
export async function findEnterprise(tx: Tx, { organizationId, userId }: { organizationId: string; userId: string }) {
  return toEnterprisePublic(await tx.memberProfile.findUnique({ where: { organizationId_userId: { organizationId, userId } } }));
}

/**
 * A manager is a user of the same organization: a member, or one its directory
 * provisioned (and may have deactivated). Anyone else, including a user of another
 * organization, is refused alike, so the answer reveals no account elsewhere.
 */
async function assertManagerInOrganization(tx: Tx, organizationId: string, userId: string, managerId: string): Promise<void> {
  const message = "The manager must be a user of this organization, other than the member.";
  if (managerId === userId) throw new AppError("validation_failed", message, { fieldErrors: [{ field: "enterprise.managerId", message }] });
  const [members, provisioned] = await Promise.all([
    tx.membership.count({ where: { organizationId, userId: managerId } }),
    tx.scimUser.count({ where: { organizationId, userId: managerId } }),
  ]);
  if (members + provisioned === 0) {
    throw new AppError("validation_failed", message, { fieldErrors: [{ field: "enterprise.managerId", message }] });
  }
}

/** Writes the fields sent (a PATCH), leaving the others; answers the attributes before and after, for the audit event. */
export async function writeEnterprise(
  tx: Tx,
  { organizationId, userId, data }: { organizationId: string; userId: string; data: EnterpriseUpdate },
): Promise<{ before: EnterprisePublic; after: EnterprisePublic }> {
  const before = await findEnterprise(tx, { organizationId, userId });
  if (data.managerId) await assertManagerInOrganization(tx, organizationId, userId, data.managerId);
  const fields = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
  // Nothing sent (a directory that maps no enterprise attribute): no row for an empty set.
  if (Object.keys(fields).length === 0) return { before, after: before };
  const row = await tx.memberProfile.upsert({
    where: { organizationId_userId: { organizationId, userId } },
    create: { organizationId, userId, ...fields },
    update: fields,
  });
  return { before, after: toEnterprisePublic(row) };
}
