import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { ValueSource } from "@/lib/schemas/attribute-values";
import type { AttributeValues, AttributeValuesInput } from "@/lib/schemas/attributes";
import { authorizeMemberValues } from "@/lib/services/attributes/authorize-member-values";
import { writeAttributeValues } from "@/lib/services/attributes/write-attribute-values";

/**
 * Sets a member's values of the organization's attributes: administrators any of them, the
 * member only those marked editable by the user. null clears a value; a required one cannot be.
 */
export async function updateMemberAttributes({
  actor,
  organizationId,
  userId,
  attributes,
  source,
}: {
  actor: Actor;
  organizationId: string;
  userId: string;
  attributes: AttributeValuesInput;
  /** How the values arrive: JSON from the API, text from a form. */
  source?: ValueSource;
}): Promise<{ attributes: AttributeValues }> {
  return db().$transaction(async (tx) => {
    const audience = await authorizeMemberValues(tx, { actor, organizationId, userId });
    return { attributes: await writeAttributeValues(tx, { actor, userId, organizationId, input: attributes, audience, source }) };
  });
}
