import "server-only";
import { db, type Tx } from "@/lib/db";
import type { AttributeValues } from "@/lib/schemas/attributes";
import { fromColumns } from "@/lib/services/attributes/mappers";
import type { AttributeScope } from "@/lib/services/attributes/rules";

/** Who is looking: an administrator of the scope sees every attribute, the user only those marked for them. */
export type ValueAudience = "admin" | "user";

/** One user's values of a scope's attributes, by key, as the audience may see them. */
export async function findAttributeValues(
  client: Tx | undefined,
  { userId, organizationId, audience }: { userId: string; audience: ValueAudience } & AttributeScope,
): Promise<AttributeValues> {
  const rows = await (client ?? db()).attributeValue.findMany({
    where: {
      userId,
      definition: { organizationId, ...(audience === "user" ? { userAccess: { not: "none" } } : {}) },
    },
    include: { definition: { select: { key: true } } },
    orderBy: { definitionId: "asc" },
  });
  const values: AttributeValues = {};
  for (const row of rows) {
    const value = fromColumns(row);
    if (value !== null) values[row.definition.key] = value;
  }
  return values;
}
