import "server-only";
import { db } from "@/lib/db";
import type { ScimGroupInput } from "@/lib/schemas/scim";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { groupInclude, toGroupPublic } from "@/lib/services/groups/mappers";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { assertScimGroupIdentifiersFree, getScimGroupRow, replaceScimGroupRow } from "@/lib/services/scim/save-scim-group";
import { scimAuditActor, type ScimCaller } from "@/lib/services/scim/scim-caller";
import { toScimGroup } from "@/lib/services/scim/to-scim-group";

/**
 * POST /Groups: a group granting nothing until an owner maps it to roles in the console
 * or the API; its name may be a built-in role's, since groups and roles are apart.
 */
export async function createScimGroup({ caller, input }: { caller: ScimCaller; input: ScimGroupInput }) {
  return db().$transaction(async (tx) => {
    await lockOrganization(tx, caller.organizationId);
    await assertScimGroupIdentifiersFree(tx, caller, input);
    const group = await tx.group.create({
      data: { organizationId: caller.organizationId, name: input.displayName, externalId: input.externalId ?? null },
      include: groupInclude,
    });
    await recordAuditEvent(tx, {
      action: "group.created",
      actor: scimAuditActor(caller),
      target: { type: "group", id: group.id },
      after: toGroupPublic(group),
    });
    await replaceScimGroupRow(tx, caller, await getScimGroupRow(tx, caller, group.id), input);
    return toScimGroup(await getScimGroupRow(tx, caller, group.id));
  });
}
