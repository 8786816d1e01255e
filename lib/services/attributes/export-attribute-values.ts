import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { AttributeDefinition } from "@/lib/generated/prisma/client";
import { attributeColumnPrefix } from "@/lib/services/attributes/import-attribute-values";
import { fromColumns } from "@/lib/services/attributes/mappers";
import { findScopeDefinitions } from "@/lib/services/attributes/rules";

/** An export row; its `id` is the user's. */
type Row = Record<string, unknown>;

/**
 * The users export's attribute columns: one `attribute.<key>` per installation attribute,
 * named as the import reads them back, and a function adding each batch's values in one
 * query per batch.
 */
export async function attributeExport(actor: Actor): Promise<{
  columns: string[];
  addValues: <R extends Row>(batches: AsyncGenerator<R[]>) => AsyncGenerator<R[]>;
}> {
  authorize(actor, "users:read");
  const definitions = await findScopeDefinitions(undefined, { organizationId: null });
  return {
    columns: definitions.map((definition) => `${attributeColumnPrefix}${definition.key}`),
    addValues: (batches) => withValues(batches, definitions),
  };
}

async function* withValues<R extends Row>(batches: AsyncGenerator<R[]>, definitions: AttributeDefinition[]): AsyncGenerator<R[]> {
  const keyOf = new Map(definitions.map((definition) => [definition.id, definition.key]));
  for await (const batch of batches) {
    if (definitions.length === 0) {
      yield batch;
      continue;
    }
    const values = await db().attributeValue.findMany({
      where: { userId: { in: batch.map((row) => String(row.id)) }, definitionId: { in: [...keyOf.keys()] } },
    });
    const cells = new Map<string, Record<string, unknown>>();
    for (const value of values) {
      const row = cells.get(value.userId) ?? {};
      row[`${attributeColumnPrefix}${keyOf.get(value.definitionId)}`] = fromColumns(value);
      cells.set(value.userId, row);
    }
    yield batch.map((row) => ({ ...row, ...cells.get(String(row.id)) }));
  }
}
