import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { groupInclude, toGroupPublic } from "@/lib/services/groups/mappers";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { getScimGroupRow } from "@/lib/services/scim/save-scim-group";
import { scimAuditActor, type ScimCaller } from "@/lib/services/scim/scim-caller";
import { ScimError } from "@/lib/scim/scim-error";

/**
 * DELETE /Groups/{id}: the group goes, and its members lose what it granted. Not a
 * group granting a built-in role above `member`, whose members a directory may not change.
 */
export async function deleteScimGroup({
  caller,
  groupId,
  expectedVersion,
}: {
  caller: ScimCaller;
  groupId: string;
  expectedVersion?: string;
}) {
  await db().$transaction(async (tx) => {
    await lockOrganization(tx, caller.organizationId);
    const row = await getScimGroupRow(tx, caller, groupId, expectedVersion);
    const granted = row.roles.find(({ role }) => role.builtIn && role.name !== "member");
    if (granted)
      throw new ScimError("mutability", `This group grants the built-in ${granted.role.name} role; a directory cannot delete it.`);
    const before = toGroupPublic(await tx.group.findUniqueOrThrow({ where: { id: row.id }, include: groupInclude }));
    await tx.group.delete({ where: { id: row.id } });
    await recordAuditEvent(tx, { action: "group.deleted", actor: scimAuditActor(caller), target: { type: "group", id: row.id }, before });
  });
}
