import "server-only";
import { db } from "@/lib/db";
import { getScimGroupRow } from "@/lib/services/scim/save-scim-group";
import type { ScimCaller } from "@/lib/services/scim/scim-caller";
import { toScimGroup } from "@/lib/services/scim/to-scim-group";

/** One group of the token's organization; anything else is not found. */
export async function getScimGroup({ caller, groupId }: { caller: ScimCaller; groupId: string }) {
  return toScimGroup(await getScimGroupRow(db(), caller, groupId));
}
