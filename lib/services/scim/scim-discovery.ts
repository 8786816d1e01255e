import "server-only";
import { customUserSchema } from "@/lib/scim/custom-attributes-schema";
import { resourceTypesFor, schemasFor } from "@/lib/scim/discovery";
import { findScopeDefinitions } from "@/lib/services/attributes/rules";
import type { ScimCaller } from "@/lib/services/scim/scim-caller";

/** The schemas and resource types as the caller's organization has them: its custom attributes are its own. */
export async function loadScimDiscovery(caller: ScimCaller) {
  const custom = customUserSchema(await findScopeDefinitions(undefined, { organizationId: caller.organizationId }));
  return { schemas: schemasFor(custom), resourceTypes: resourceTypesFor(custom) };
}
