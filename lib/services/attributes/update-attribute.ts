import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AttributeDefinition } from "@/lib/generated/prisma/client";
import type { AttributePublic, AttributeUpdate } from "@/lib/schemas/attributes";
import { carryValuesOver } from "@/lib/services/attributes/carry-values-over";
import { toAttributePublic } from "@/lib/services/attributes/mappers";
import { getAuthorizedDefinition, type AttributeScope } from "@/lib/services/attributes/rules";
import { versionedUpdate } from "@/lib/services/versioned-update";

/** The definition as it will be, checked as a whole: the update's own schema sees only what was sent. */
function planned(before: AttributeDefinition, data: AttributeUpdate) {
  const type = data.type ?? before.type;
  const options = data.options ?? (type === "enum" ? before.options : []);
  const next = { key: before.key, label: data.label ?? before.label, type, options, unique: data.unique ?? before.unique };
  const invalid = (field: string, message: string) => new AppError("validation_failed", message, { fieldErrors: [{ field, message }] });
  if (type === "enum" && options.length === 0) throw invalid("options", "List at least one option.");
  if (type !== "enum" && options.length > 0) throw invalid("options", "Only an enum attribute has options; send an empty list.");
  if (type === "boolean" && next.unique) throw invalid("unique", "A yes/no attribute cannot be unique.");
  return next;
}

/** Changes a definition; its stored values follow or the change is refused (carry-values-over.ts). If-Match honoured. */
export async function updateAttribute({
  actor,
  organizationId,
  key,
  data,
  expectedVersion,
}: { actor: Actor; key: string; data: AttributeUpdate; expectedVersion?: number } & AttributeScope): Promise<AttributePublic> {
  return db().$transaction(async (tx) => {
    const before = await getAuthorizedDefinition(tx, actor, { organizationId }, key, "manage");
    // Values are written under the definition's row lock, so none slips in between the check and the change.
    await tx.$queryRaw`SELECT id FROM attribute_definitions WHERE id = ${before.id}::uuid FOR UPDATE`;
    const next = planned(before, data);
    const valuesConverted = await carryValuesOver(tx, before, next);
    return versionedUpdate(tx, {
      update: () =>
        tx.attributeDefinition.updateMany({
          where: { id: before.id, version: expectedVersion ?? before.version },
          data: { ...data, options: next.options, version: { increment: 1 } },
        }),
      reload: async () => toAttributePublic(await tx.attributeDefinition.findUniqueOrThrow({ where: { id: before.id } })),
      event: {
        action: "attribute.updated",
        actor,
        target: { type: "attribute", id: before.id },
        organizationId,
        before: { ...toAttributePublic(before), valuesConverted },
      },
    });
  });
}
