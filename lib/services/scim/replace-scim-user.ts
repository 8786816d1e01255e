import "server-only";
import { db } from "@/lib/db";
import type { ScimUserInput } from "@/lib/schemas/scim";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { tellPreviousAddress } from "@/lib/services/scim/account-email-change";
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
  const { user, moved } = await db().$transaction(async (tx) => {
    await lockOrganization(tx, caller.organizationId);
    const moved = await replaceScimUserRow(tx, caller, await getScimUserRow(tx, caller, userId, expectedVersion), input);
    return { user: toScimUser(await getScimUserRow(tx, caller, userId)), moved };
  });
  await tellPreviousAddress(moved);
  return user;
}
