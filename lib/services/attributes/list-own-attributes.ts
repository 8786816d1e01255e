import "server-only";
import { db } from "@/lib/db";
import type { AttributePublic } from "@/lib/schemas/attributes";
import { toAttributePublic } from "@/lib/services/attributes/mappers";

/**
 * The installation's attributes a person sees on their own account: those marked `read`
 * or `edit`. Anyone signed in may read these definitions (the values are read with the
 * user, getCurrentUser); those kept for administrators stay unknown to them.
 */
export async function listOwnAttributes(): Promise<AttributePublic[]> {
  const definitions = await db().attributeDefinition.findMany({
    where: { organizationId: null, userAccess: { not: "none" } },
    orderBy: { id: "asc" },
  });
  return definitions.map(toAttributePublic);
}
