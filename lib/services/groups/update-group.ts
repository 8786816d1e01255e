import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { GroupPublic, GroupUpdate } from "@/lib/schemas/group";
import { groupInclude, toGroupPublic } from "@/lib/services/groups/mappers";
import {
  assertGroupIdentifiersFree,
  authorizeGroupGrant,
  getGroupRowForUpdate,
  grantedRolesOf,
  resolveGrantedRoles,
} from "@/lib/services/groups/rules";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { versionedUpdate } from "@/lib/services/versioned-update";

/**
 * Renames a group, or changes what it grants: its members gain or lose the permissions
 * on their next request. The caller must hold what the group grants before and after.
 */
export async function updateGroup({
  actor,
  organizationId,
  groupId,
  data,
  expectedVersion,
}: {
  actor: Actor;
  organizationId: string;
  groupId: string;
  data: GroupUpdate;
  expectedVersion?: number;
}): Promise<GroupPublic> {
  return db().$transaction(async (tx) => {
    const { organization, access } = await authorizeOrganization(tx, { actor, organizationId, permission: "groups:manage" });
    const row = await getGroupRowForUpdate(tx, organization.id, groupId);
    authorizeGroupGrant(actor, access, await grantedRolesOf(tx, row.id));
    const roles = data.roles === undefined ? undefined : await resolveGrantedRoles(tx, organization.id, data.roles);
    if (roles) authorizeGroupGrant(actor, access, roles);
    await assertGroupIdentifiersFree(tx, organization.id, { name: data.name, externalId: data.externalId }, row.id);
    return versionedUpdate(tx, {
      update: async () => {
        const { count } = await tx.group.updateMany({
          where: { id: row.id, version: expectedVersion ?? row.version },
          data: { name: data.name, description: data.description, externalId: data.externalId, version: { increment: 1 } },
        });
        if (count > 0 && roles) {
          await tx.groupRole.deleteMany({ where: { groupId: row.id } });
          await tx.groupRole.createMany({ data: roles.map((role) => ({ groupId: row.id, roleId: role.id })) });
        }
        return { count };
      },
      reload: async () => toGroupPublic(await tx.group.findUniqueOrThrow({ where: { id: row.id }, include: groupInclude })),
      event: { action: "group.updated", actor, target: { type: "group", id: row.id }, before: toGroupPublic(row) },
    });
  });
}
