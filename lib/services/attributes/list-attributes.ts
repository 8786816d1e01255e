import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { AttributePublic } from "@/lib/schemas/attributes";
import { toAttributePublic } from "@/lib/services/attributes/mappers";
import { authorizeAttributeScope, findScopeDefinitions, type AttributeScope } from "@/lib/services/attributes/rules";

/** A scope's attribute definitions, oldest first. A scope holds a handful, so they come in one page (`{ data }`). */
export async function listAttributes({ actor, organizationId }: { actor: Actor } & AttributeScope): Promise<{ data: AttributePublic[] }> {
  await authorizeAttributeScope(undefined, actor, { organizationId }, "read");
  const definitions = await findScopeDefinitions(undefined, { organizationId });
  return { data: definitions.map(toAttributePublic) };
}
