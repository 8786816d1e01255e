import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { AttributePublic } from "@/lib/schemas/attributes";
import { toAttributePublic } from "@/lib/services/attributes/mappers";
import { getAuthorizedDefinition, type AttributeScope } from "@/lib/services/attributes/rules";

/** One attribute definition of a scope, by key. */
export async function getAttribute({
  actor,
  organizationId,
  key,
}: { actor: Actor; key: string } & AttributeScope): Promise<AttributePublic> {
  return toAttributePublic(await getAuthorizedDefinition(undefined, actor, { organizationId }, key, "read"));
}
