import "server-only";
import type { Tx } from "@/lib/db";
import type { ScimUserInput } from "@/lib/schemas/scim";
import { scimUrn } from "@/lib/scim/schema-urns";
import { findScopeDefinitions } from "@/lib/services/attributes/rules";
import { writeAttributeValues } from "@/lib/services/attributes/write-attribute-values";
import { scimAuditActor, type ScimCaller } from "@/lib/services/scim/scim-caller";

/**
 * Writes the organization's custom attributes a directory sent in the extension, checked
 * by the same schema as the API's. On creation every required attribute must come with
 * the user. On a replace, the extension is the directory's full view: attributes it leaves
 * out are cleared; without the extension nothing changes, as with the enterprise
 * extension, so a directory that maps none of them does not wipe what an owner set.
 */
export async function writeScimAttributeValues(
  tx: Tx,
  caller: ScimCaller,
  { userId, input, creating }: { userId: string; input: ScimUserInput; creating: boolean },
): Promise<void> {
  const organizationId = caller.organizationId;
  const extension = input[scimUrn.customUser];
  if (extension === undefined && !creating) return;
  const values: Record<string, unknown> = { ...extension };
  if (!creating) {
    for (const { key } of await findScopeDefinitions(tx, { organizationId })) if (!(key in values)) values[key] = null;
  }
  await writeAttributeValues(tx, {
    actor: scimAuditActor(caller),
    userId,
    organizationId,
    input: values,
    audience: "admin",
    creating,
    fieldPrefix: `${scimUrn.customUser}:`,
  });
}
