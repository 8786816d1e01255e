import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { AttributeCreate, AttributePublic } from "@/lib/schemas/attributes";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { toAttributePublic } from "@/lib/services/attributes/mappers";
import { authorizeAttributeScope, keyTaken, type AttributeScope } from "@/lib/services/attributes/rules";

/**
 * Defines an attribute. A required one applies from then on: users who have no value yet
 * keep working, and the next change that sets their attributes must supply it.
 */
export async function createAttribute({
  actor,
  organizationId,
  data,
}: { actor: Actor; data: AttributeCreate } & AttributeScope): Promise<AttributePublic> {
  return db().$transaction(async (tx) => {
    await authorizeAttributeScope(tx, actor, { organizationId }, "manage");
    const clash = await tx.attributeDefinition.findFirst({ where: { organizationId, key: data.key }, select: { id: true } });
    if (clash) throw keyTaken();
    const definition = await tx.attributeDefinition
      .create({ data: { organizationId, ...data, options: data.type === "enum" ? (data.options ?? []) : [] } })
      .catch((error: unknown) => {
        // Two creations of one key at once: the unique index has the last word.
        if ((error as { code?: unknown })?.code === "P2002") throw keyTaken();
        throw error;
      });
    const result = toAttributePublic(definition);
    await recordAuditEvent(tx, {
      action: "attribute.created",
      actor,
      target: { type: "attribute", id: definition.id },
      organizationId,
      after: result,
    });
    return result;
  });
}
