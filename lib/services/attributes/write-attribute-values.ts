import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { AuditActor } from "@/lib/services/audit/record-audit-event";
import type { Tx } from "@/lib/db";
import { AppError, type FieldError } from "@/lib/errors";
import type { AttributeDefinition } from "@/lib/generated/prisma/client";
import { attributeValueField, type ValueSource } from "@/lib/schemas/attribute-values";
import type { AttributeValue, AttributeValues, AttributeValuesInput } from "@/lib/schemas/attributes";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { findAttributeValues, type ValueAudience } from "@/lib/services/attributes/find-attribute-values";
import { toColumns } from "@/lib/services/attributes/mappers";
import { findScopeDefinitions, type AttributeScope } from "@/lib/services/attributes/rules";

type Write = {
  /** A person or application, or a directory (SCIM), as the audit log names it. */
  actor: Actor | AuditActor;
  userId: string;
  input: AttributeValuesInput | Record<string, unknown>;
  audience: ValueAudience;
  /** A new user or member: every required attribute must come with a value. */
  creating?: boolean;
  source?: ValueSource;
  /** What names a field in refusals before its key: `attributes.` in the API, `attribute.` in a CSV file, the extension's URN and a colon in SCIM. */
  fieldPrefix?: string;
} & AttributeScope;

type Parsed = { definition: AttributeDefinition; value: AttributeValue | null };

/** Each sent value checked against its definition, every refusal naming its field. */
function parseAll(definitions: AttributeDefinition[], write: Write): Parsed[] {
  const prefix = write.fieldPrefix ?? "attributes.";
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  const errors: FieldError[] = [];
  const parsed: Parsed[] = [];
  for (const [key, raw] of Object.entries(write.input)) {
    const definition = byKey.get(key);
    // An attribute kept for administrators does not exist as far as the user can tell.
    if (!definition || (write.audience === "user" && definition.userAccess === "none")) {
      errors.push({ field: `${prefix}${key}`, message: "No such attribute." });
      continue;
    }
    if (write.audience === "user" && definition.userAccess !== "edit") {
      const message = `Only an administrator may change ${definition.label}.`;
      throw new AppError("forbidden", message, { fieldErrors: [{ field: `${prefix}${key}`, message }] });
    }
    const result = attributeValueField(definition, write.source).safeParse(raw);
    if (result.success) parsed.push({ definition, value: result.data });
    else errors.push(...result.error.issues.map((issue) => ({ field: `${prefix}${key}`, message: issue.message })));
  }
  if (write.creating) {
    for (const definition of definitions) {
      const sent = parsed.find((entry) => entry.definition.id === definition.id);
      if (definition.required && !sent && !errors.some((error) => error.field === `${prefix}${definition.key}`)) {
        errors.push({ field: `${prefix}${definition.key}`, message: `${definition.label} is required.` });
      }
    }
  }
  if (errors.length > 0) throw new AppError("validation_failed", "Some attribute values are not valid.", { fieldErrors: errors });
  return parsed;
}

/** A unique attribute's value held by someone else: a conflict naming the field, before the index would say it less clearly. */
async function assertUnique(tx: Tx, write: Write, parsed: Parsed[]) {
  for (const { definition, value } of parsed) {
    if (!definition.unique || value === null) continue;
    const taken = await tx.attributeValue.findFirst({
      where: { definitionId: definition.id, userId: { not: write.userId }, ...toColumns(definition.type, value) },
      select: { userId: true },
    });
    if (taken) {
      const message = `Another user already has this ${definition.label}.`;
      throw new AppError("conflict", message, {
        fieldErrors: [{ field: `${write.fieldPrefix ?? "attributes."}${definition.key}`, message }],
      });
    }
  }
}

/**
 * Sets (or, with null, clears) a user's values of a scope's attributes, inside the
 * caller's transaction, which has already authorized the change of this user. The
 * definitions are locked for share, so a type change (which locks for update) never
 * meets a value it did not check. Audited when anything changed; answers the values the
 * audience may see.
 */
export async function writeAttributeValues(tx: Tx, write: Write): Promise<AttributeValues> {
  const { organizationId, userId } = write;
  await tx.$queryRaw`SELECT id FROM attribute_definitions WHERE organization_id IS NOT DISTINCT FROM ${organizationId}::uuid FOR SHARE`;
  const definitions = await findScopeDefinitions(tx, { organizationId });
  const parsed = parseAll(definitions, write);
  await assertUnique(tx, write, parsed);
  const before = await findAttributeValues(tx, { userId, organizationId, audience: "admin" });
  for (const { definition, value } of parsed) {
    const id = { definitionId_userId: { definitionId: definition.id, userId } };
    if (value === null) await tx.attributeValue.deleteMany({ where: id.definitionId_userId });
    else {
      const data = { ...toColumns(definition.type, value), isUnique: definition.unique };
      await tx.attributeValue.upsert({ where: id, create: { definitionId: definition.id, userId, ...data }, update: data });
    }
  }
  const after = await findAttributeValues(tx, { userId, organizationId, audience: "admin" });
  const changed = parsed.map(({ definition }) => definition.key).filter((key) => before[key] !== after[key]);
  if (changed.length > 0) {
    await recordAuditEvent(tx, {
      action: "attribute_values.updated",
      actor: write.actor,
      target: { type: "user", id: userId },
      organizationId,
      before: Object.fromEntries(changed.map((key) => [key, before[key] ?? null])),
      after: Object.fromEntries(changed.map((key) => [key, after[key] ?? null])),
    });
  }
  return write.audience === "admin" ? after : findAttributeValues(tx, { userId, organizationId, audience: "user" });
}
