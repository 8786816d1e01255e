import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { MemberAdd, MemberPublic } from "@/lib/schemas/organization";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { getRoleByName } from "@/lib/services/organization-roles/get-role-by-name";
import { assertMayGrant } from "@/lib/services/organizations/assert-may-grant";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { memberInclude, toMemberPublic } from "@/lib/services/organizations/to-member-public";

/** Adds an existing user, found by email or id, with a role of the organization. */
export async function addMember({ actor, organizationId, data }: { actor: Actor; organizationId: string; data: MemberAdd }): Promise<MemberPublic> {
  return db().$transaction(async (tx) => {
    const { organization, access } = await authorizeOrganization(tx, { actor, organizationId, permission: "members:invite" });
    await lockOrganization(tx, organization.id);
    const role = await getRoleByName(tx, { organizationId: organization.id, name: data.role });
    assertMayGrant(actor, access, role);

    const user = await tx.user.findFirst({
      where: { ...(data.userId ? { id: data.userId } : { email: data.email }), deletedAt: null },
    });
    if (!user) throw notFound("User");
    const existing = await tx.membership.findUnique({
      where: { organizationId_userId: { organizationId: organization.id, userId: user.id } },
    });
    if (existing) throw new AppError("conflict", `${user.email} is already a member of this organization.`);

    const membership = await tx.membership.create({
      data: { organizationId: organization.id, userId: user.id, roleId: role.id },
      include: memberInclude,
    });
    const result = toMemberPublic(membership);
    await recordAuditEvent(tx, {
      action: "member.added",
      actor: { id: actor.userId, email: actor.email },
      target: { type: "organization", id: organization.id },
      after: result,
    });
    return result;
  });
}
