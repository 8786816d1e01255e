import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { OrganizationAccess } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import type { MemberDetail, MemberUpdate } from "@/lib/schemas/organization";
import { versionedUpdate } from "@/lib/services/versioned-update";
import { getRoleByName } from "@/lib/services/organization-roles/get-role-by-name";
import { authorizeGrant } from "@/lib/services/organizations/authorize-grant";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { assertAnotherOwner } from "@/lib/services/organizations/assert-another-owner";
import { getMembership } from "@/lib/services/organizations/get-membership";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { findEnterprise, writeEnterprise } from "@/lib/services/organizations/member-profile";
import { memberInclude, toMemberPublic, type MembershipWithUserAndRole } from "@/lib/services/organizations/to-member-public";

const isOwnerRole = (role: { builtIn: boolean; name: string }) => role.builtIn && role.name === "owner";

/** The role a change gives, checked against who may grant it; the last owner keeps theirs. */
async function plannedRole(tx: Tx, actor: Actor, access: OrganizationAccess, membership: MembershipWithUserAndRole, roleName: string) {
  const { organizationId, userId } = membership;
  const role = await getRoleByName(tx, { organizationId, name: roleName });
  authorizeGrant(actor, access, membership.role);
  authorizeGrant(actor, access, role);
  if (isOwnerRole(membership.role) && !isOwnerRole(role)) await assertAnotherOwner(tx, { organizationId, userId });
  return role;
}

/**
 * Gives a member another role, changes their enterprise attributes, or both. Either
 * bumps the membership's version, the resource's ETag, so If-Match guards both.
 */
export async function updateMember({
  actor,
  organizationId,
  userId,
  data,
  expectedVersion,
}: {
  actor: Actor;
  organizationId: string;
  userId: string;
  data: MemberUpdate;
  expectedVersion?: number;
}): Promise<MemberDetail> {
  return db().$transaction(async (tx) => {
    const { organization, access } = await authorizeOrganization(tx, { actor, organizationId, permission: "members:update" });
    await lockOrganization(tx, organization.id);
    const membership = await getMembership(tx, { organizationId: organization.id, userId });
    const role = data.role === undefined ? membership.role : await plannedRole(tx, actor, access, membership, data.role);
    const key = { organizationId: organization.id, userId };
    const before = { ...toMemberPublic(membership), enterprise: await findEnterprise(tx, key) };

    return versionedUpdate(tx, {
      update: async () => {
        const result = await tx.membership.updateMany({
          where: { ...key, version: expectedVersion ?? membership.version },
          data: { roleId: role.id, version: { increment: 1 } },
        });
        if (result.count > 0 && data.enterprise) await writeEnterprise(tx, { ...key, data: data.enterprise });
        return result;
      },
      reload: async () => ({
        ...toMemberPublic(await tx.membership.findUniqueOrThrow({ where: { organizationId_userId: key }, include: memberInclude })),
        enterprise: await findEnterprise(tx, key),
      }),
      event: { action: "member.updated", actor, target: { type: "organization", id: organization.id }, before },
    });
  });
}
