import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { MemberPublic, MemberUpdate } from "@/lib/schemas/organization";
import { versionedUpdate } from "@/lib/services/versioned-update";
import { getRoleByName } from "@/lib/services/organization-roles/get-role-by-name";
import { authorizeGrant } from "@/lib/services/organizations/authorize-grant";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { assertAnotherOwner } from "@/lib/services/organizations/assert-another-owner";
import { getMembership } from "@/lib/services/organizations/get-membership";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { memberInclude, toMemberPublic } from "@/lib/services/organizations/to-member-public";

const isOwnerRole = (role: { builtIn: boolean; name: string }) => role.builtIn && role.name === "owner";

/** Gives a member another role; the last owner keeps theirs. */
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
}): Promise<MemberPublic> {
  return db().$transaction(async (tx) => {
    const { organization, access } = await authorizeOrganization(tx, { actor, organizationId, permission: "members:update" });
    await lockOrganization(tx, organization.id);
    const membership = await getMembership(tx, { organizationId: organization.id, userId });
    const role = await getRoleByName(tx, { organizationId: organization.id, name: data.role });
    authorizeGrant(actor, access, membership.role);
    authorizeGrant(actor, access, role);
    if (isOwnerRole(membership.role) && !isOwnerRole(role)) await assertAnotherOwner(tx, { organizationId: organization.id, userId });

    return versionedUpdate(tx, {
      update: () =>
        tx.membership.updateMany({
          where: { organizationId: organization.id, userId, version: expectedVersion ?? membership.version },
          data: { roleId: role.id, version: { increment: 1 } },
        }),
      reload: async () =>
        toMemberPublic(
          await tx.membership.findUniqueOrThrow({
            where: { organizationId_userId: { organizationId: organization.id, userId } },
            include: memberInclude,
          }),
        ),
      event: { action: "member.updated", actor, target: { type: "organization", id: organization.id }, before: toMemberPublic(membership) },
    });
  });
}
