import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, staleVersion } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { leaveOrganizationGroups, rolesGrantedByGroupsOf } from "@/lib/services/groups/group-changes";
import { authorizeGroupGrant } from "@/lib/services/groups/rules";
import { authorizeGrant } from "@/lib/services/organizations/authorize-grant";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { assertAnotherOwner } from "@/lib/services/organizations/assert-another-owner";
import { getMembership } from "@/lib/services/organizations/get-membership";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { toMemberPublic } from "@/lib/services/organizations/to-member-public";

/**
 * Removes a member. Anyone may leave an organization themselves; removing someone else
 * needs members:remove and a role at least as strong as theirs and their groups'. They
 * leave the organization's groups too. The last owner stays.
 */
export async function removeMember({
  actor,
  organizationId,
  userId,
  expectedVersion,
}: {
  actor: Actor;
  organizationId: string;
  userId: string;
  expectedVersion?: number;
}): Promise<void> {
  const leaving = userId === actor.userId;
  if (leaving && actor.scopes !== null && !actor.scopes.includes("write")) throw new AppError("forbidden", "This token may only read.");
  await db().$transaction(async (tx) => {
    const { organization, access } = await authorizeOrganization(tx, {
      actor,
      organizationId,
      permission: leaving ? "organization:read" : "members:remove",
    });
    await lockOrganization(tx, organization.id);
    const membership = await getMembership(tx, { organizationId: organization.id, userId });
    if (!leaving) {
      authorizeGrant(actor, access, membership.role);
      authorizeGroupGrant(actor, access, await rolesGrantedByGroupsOf(tx, organization.id, userId));
    }
    if (membership.role.builtIn && membership.role.name === "owner") {
      await assertAnotherOwner(tx, { organizationId: organization.id, userId });
    }
    const { count } = await tx.membership.deleteMany({
      where: { organizationId: organization.id, userId, version: expectedVersion ?? membership.version },
    });
    if (count === 0) throw staleVersion();
    await leaveOrganizationGroups(tx, { organizationId: organization.id, userId, actor });
    await recordAuditEvent(tx, {
      action: "member.removed",
      actor,
      target: { type: "organization", id: organization.id },
      before: toMemberPublic(membership),
    });
  });
}
