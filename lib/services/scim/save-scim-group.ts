import "server-only";
import type { Tx } from "@/lib/db";
import { AppError, notFound, staleVersion } from "@/lib/errors";
import type { OrganizationRole } from "@/lib/generated/prisma/client";
import { idField } from "@/lib/schemas/fields";
import type { ScimGroupInput } from "@/lib/schemas/scim";
import { ScimError } from "@/lib/scim/scim-error";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { assertAnotherOwner } from "@/lib/services/organizations/assert-another-owner";
import { toMemberPublic } from "@/lib/services/organizations/to-member-public";
import { toRolePublic } from "@/lib/services/organization-roles/to-role-public";
import { scimAuditActor, type ScimCaller } from "@/lib/services/scim/scim-caller";
import { scimGroupInclude, scimGroupVersion, type ScimGroupRow } from "@/lib/services/scim/to-scim-group";

/**
 * One of the organization's custom roles, as a group. Built-in roles are not groups: a
 * directory can neither make anyone owner or admin nor change those roles.
 */
export async function getScimGroupRow(tx: Tx, caller: ScimCaller, groupId: string, expectedVersion?: string): Promise<ScimGroupRow> {
  if (!idField.safeParse(groupId).success) throw notFound("Group");
  const row = await tx.organizationRole.findFirst({
    where: { id: groupId, organizationId: caller.organizationId, builtIn: false },
    include: scimGroupInclude(caller.organizationId),
  });
  if (!row) throw notFound("Group");
  if (expectedVersion !== undefined && expectedVersion !== scimGroupVersion(row)) throw staleVersion();
  return row;
}

/**
 * Gives a provisioned member a role. An owner's role changes only while another owner
 * remains, so a directory can never leave the organization without one.
 */
export async function setMemberRole(tx: Tx, caller: ScimCaller, userId: string, role: OrganizationRole): Promise<void> {
  const membership = idField.safeParse(userId).success
    ? await tx.membership.findFirst({
        where: { organizationId: caller.organizationId, userId, user: { scimUsers: { some: { organizationId: caller.organizationId } } } },
        include: { role: true, user: true },
      })
    : null;
  if (!membership) throw new ScimError("invalidValue", `The member "${userId}" is not an active user provisioned by this directory.`);
  if (membership.roleId === role.id) return;
  if (membership.role.builtIn && membership.role.name === "owner") {
    await assertAnotherOwner(tx, { organizationId: caller.organizationId, userId }).catch((error: unknown) => {
      if (!(error instanceof AppError)) throw error;
      throw new ScimError("mutability", `${membership.user.email} is the organization's last owner; a group cannot change their role.`);
    });
  }
  const updated = await tx.membership.update({
    where: { organizationId_userId: { organizationId: caller.organizationId, userId } },
    data: { roleId: role.id, version: { increment: 1 } },
    include: { role: true, user: true },
  });
  await recordAuditEvent(tx, {
    action: "member.updated",
    actor: scimAuditActor(caller),
    target: { type: "organization", id: caller.organizationId },
    before: toMemberPublic(membership),
    after: toMemberPublic(updated),
  });
}

/** The built-in role a member falls back to when a group lets them go. */
export const memberRole = (tx: Tx, organizationId: string) =>
  tx.organizationRole.findUniqueOrThrow({ where: { organizationId_name: { organizationId, name: "member" } } });

/** Renames the group and makes its members exactly `input.members` (PUT, and PATCH after its operations). */
export async function replaceScimGroupRow(tx: Tx, caller: ScimCaller, row: ScimGroupRow, input: ScimGroupInput): Promise<void> {
  if (input.displayName !== row.name) {
    const taken = await tx.organizationRole.count({ where: { organizationId: caller.organizationId, name: input.displayName } });
    if (taken > 0) throw new ScimError("uniqueness", `The organization already has a role named "${input.displayName}".`);
  }
  const updated = await tx.organizationRole.update({ where: { id: row.id }, data: { name: input.displayName, version: { increment: 1 } } });
  if (input.displayName !== row.name) {
    await recordAuditEvent(tx, {
      action: "role.updated",
      actor: scimAuditActor(caller),
      target: { type: "organization_role", id: row.id },
      before: { organizationId: caller.organizationId, ...toRolePublic(row) },
      after: { organizationId: caller.organizationId, ...toRolePublic(updated) },
    });
  }
  const wanted = new Set((input.members ?? []).map((member) => member.value));
  const current = new Set(row.memberships.map((membership) => membership.userId));
  for (const userId of wanted) if (!current.has(userId)) await setMemberRole(tx, caller, userId, updated);
  const fallback = await memberRole(tx, caller.organizationId);
  for (const userId of current) if (!wanted.has(userId)) await setMemberRole(tx, caller, userId, fallback);
}
