import "server-only";
import { db } from "@/lib/db";
import type { ScimUserInput } from "@/lib/schemas/scim";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { getScimUserRow, replaceScimUserRow } from "@/lib/services/scim/save-scim-user";
import type { ScimCaller } from "@/lib/services/scim/scim-caller";
import { toScimUser } from "@/lib/services/scim/to-scim-user";

/** PUT /Users/{id}: the directory's full view of the user replaces the stored one (If-Match honoured). */
export async function replaceScimUser({
  caller,
  userId,
  input,
  expectedVersion,
}: {
  caller: ScimCaller;
  userId: string;
  input: ScimUserInput;
  expectedVersion?: string;
}) {
  return db().$transaction(async (tx) => {
    await lockOrganization(tx, caller.organizationId);
    await replaceScimUserRow(tx, caller, await getScimUserRow(tx, caller, userId, expectedVersion), input);
    return toScimUser(await getScimUserRow(tx, caller, userId));
  });
}
