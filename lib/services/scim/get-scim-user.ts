import "server-only";
import { db } from "@/lib/db";
import { getScimUserRow } from "@/lib/services/scim/save-scim-user";
import type { ScimCaller } from "@/lib/services/scim/scim-caller";
import { toScimUser } from "@/lib/services/scim/to-scim-user";

/** One provisioned user of the token's organization; any other id, another organization's included, is not found. */
export async function getScimUser({ caller, userId }: { caller: ScimCaller; userId: string }) {
  return toScimUser(await getScimUserRow(db(), caller, userId));
}
