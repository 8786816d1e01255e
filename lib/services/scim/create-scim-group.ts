import "server-only";
import { db } from "@/lib/db";
import type { ScimGroupInput } from "@/lib/schemas/scim";
import { ScimError } from "@/lib/scim/scim-error";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { toRolePublic } from "@/lib/services/organization-roles/to-role-public";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { getScimGroupRow, replaceScimGroupRow } from "@/lib/services/scim/save-scim-group";
import { scimAuditActor, type ScimCaller } from "@/lib/services/scim/scim-caller";
import { toScimGroup } from "@/lib/services/scim/to-scim-group";

/**
 * POST /Groups: a custom role with no permissions, until an owner grants some in the
 * permission matrix; its members get it as their role.
 */
export async function createScimGroup({ caller, input }: { caller: ScimCaller; input: ScimGroupInput }) {
  return db().$transaction(async (tx) => {
    await lockOrganization(tx, caller.organizationId);
    const taken = await tx.organizationRole.count({ where: { organizationId: caller.organizationId, name: input.displayName } });
    if (taken > 0) throw new ScimError("uniqueness", `The organization already has a role named "${input.displayName}".`);
    const role = await tx.organizationRole.create({
      data: { organizationId: caller.organizationId, name: input.displayName, description: "Provisioned over SCIM.", permissions: [] },
    });
    await recordAuditEvent(tx, {
      action: "role.created",
      actor: scimAuditActor(caller),
      target: { type: "organization_role", id: role.id },
      after: { organizationId: caller.organizationId, ...toRolePublic(role) },
    });
    await replaceScimGroupRow(tx, caller, await getScimGroupRow(tx, caller, role.id), input);
    return toScimGroup(await getScimGroupRow(tx, caller, role.id));
  });
}
