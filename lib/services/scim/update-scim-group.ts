import "server-only";
import { db } from "@/lib/db";
import { scimGroupInputSchema, type ScimGroupInput } from "@/lib/schemas/scim";
import { applyPatch, type PatchRequest } from "@/lib/scim/patch";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { getScimGroupRow, replaceScimGroupRow } from "@/lib/services/scim/save-scim-group";
import type { ScimCaller } from "@/lib/services/scim/scim-caller";
import { toScimGroup } from "@/lib/services/scim/to-scim-group";

/**
 * PUT /Groups/{id} (`input`) or PATCH /Groups/{id} (`patch`, applied to the current
 * representation first, so both obey one set of rules); If-Match honoured.
 */
export async function updateScimGroup({
  caller,
  groupId,
  change,
  expectedVersion,
}: {
  caller: ScimCaller;
  groupId: string;
  change: { input: ScimGroupInput } | { patch: PatchRequest };
  expectedVersion?: string;
}) {
  return db().$transaction(async (tx) => {
    await lockOrganization(tx, caller.organizationId);
    const row = await getScimGroupRow(tx, caller, groupId, expectedVersion);
    const input = "input" in change ? change.input : scimGroupInputSchema.parse(applyPatch(toScimGroup(row), change.patch));
    await replaceScimGroupRow(tx, caller, row, input);
    return toScimGroup(await getScimGroupRow(tx, caller, groupId));
  });
}
