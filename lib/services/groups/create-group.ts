import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { GroupCreate, GroupPublic } from "@/lib/schemas/group";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { groupInclude, toGroupPublic } from "@/lib/services/groups/mappers";
import { assertGroupIdentifiersFree, authorizeGroupGrant, resolveGrantedRoles } from "@/lib/services/groups/rules";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { conflictOnUniqueViolation } from "@/lib/services/unique-conflict";

/** Creates a group granting roles the caller holds itself; it starts empty. */
export async function createGroup({
  actor,
  organizationId,
  data,
}: {
  actor: Actor;
  organizationId: string;
  data: GroupCreate;
}): Promise<GroupPublic> {
  return db().$transaction(async (tx) => {
    const { organization, access } = await authorizeOrganization(tx, { actor, organizationId, permission: "groups:manage" });
    const roles = await resolveGrantedRoles(tx, organization.id, data.roles ?? []);
    authorizeGroupGrant(actor, access, roles);
    await assertGroupIdentifiersFree(tx, organization.id, data);
    const row = await tx.group
      .create({
        data: {
          organizationId: organization.id,
          name: data.name,
          description: data.description ?? null,
          externalId: data.externalId ?? null,
          roles: { create: roles.map((role) => ({ roleId: role.id })) },
        },
        include: groupInclude,
      })
      .catch(conflictOnUniqueViolation("The organization already has a group with this name or external id."));
    const group = toGroupPublic(row);
    await recordAuditEvent(tx, { action: "group.created", actor, target: { type: "group", id: row.id }, after: group });
    return group;
  });
}
