import "server-only";
import { db } from "@/lib/db";
import { scimUserInputSchema } from "@/lib/schemas/scim";
import { applyPatch, type PatchRequest } from "@/lib/scim/patch";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { tellPreviousAddress } from "@/lib/services/scim/account-email-change";
import { getScimUserRow, replaceScimUserRow } from "@/lib/services/scim/save-scim-user";
import type { ScimCaller } from "@/lib/services/scim/scim-caller";
import { toScimUser } from "@/lib/services/scim/to-scim-user";

/**
 * PATCH /Users/{id}: the operations are applied, in order, to the user's current SCIM
 * representation, and the result is saved as a PUT would save it, so both share one set
 * of rules and a PATCH can do nothing a PUT cannot.
 */
export async function patchScimUser({
  caller,
  userId,
  patch,
  expectedVersion,
}: {
  caller: ScimCaller;
  userId: string;
  patch: PatchRequest;
  expectedVersion?: string;
}) {
  const { user, moved } = await db().$transaction(async (tx) => {
    await lockOrganization(tx, caller.organizationId);
    const row = await getScimUserRow(tx, caller, userId, expectedVersion);
    const input = scimUserInputSchema.parse(applyPatch(toScimUser(row), patch));
    const moved = await replaceScimUserRow(tx, caller, row, input);
    return { user: toScimUser(await getScimUserRow(tx, caller, userId)), moved };
  });
  await tellPreviousAddress(moved);
  return user;
}
