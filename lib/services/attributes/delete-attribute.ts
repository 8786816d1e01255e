import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { staleVersion } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { toAttributePublic } from "@/lib/services/attributes/mappers";
import { getAuthorizedDefinition, type AttributeScope } from "@/lib/services/attributes/rules";

/**
 * Removes an attribute and every value of it. Values are data people entered, so the
 * removal is never silent: its audit event (and the `attribute.deleted` webhook made from
 * it) says how many values went with it. Answers that count.
 */
export async function deleteAttribute({
  actor,
  organizationId,
  key,
  expectedVersion,
}: { actor: Actor; key: string; expectedVersion?: number } & AttributeScope): Promise<{ valuesRemoved: number }> {
  return db().$transaction(async (tx) => {
    const definition = await getAuthorizedDefinition(tx, actor, { organizationId }, key, "manage");
    const { count: valuesRemoved } = await tx.attributeValue.deleteMany({ where: { definitionId: definition.id } });
    const { count } = await tx.attributeDefinition.deleteMany({
      where: { id: definition.id, version: expectedVersion ?? definition.version },
    });
    if (count === 0) throw staleVersion();
    await recordAuditEvent(tx, {
      action: "attribute.deleted",
      actor,
      target: { type: "attribute", id: definition.id },
      organizationId,
      before: toAttributePublic(definition),
      after: { key: definition.key, organizationId, valuesRemoved },
    });
    return { valuesRemoved };
  });
}
