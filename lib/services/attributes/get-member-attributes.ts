import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { AttributeValues } from "@/lib/schemas/attributes";
import { authorizeMemberValues } from "@/lib/services/attributes/authorize-member-values";
import { findAttributeValues } from "@/lib/services/attributes/find-attribute-values";

/** A member's values of the organization's attributes, as the caller may see them. */
export async function getMemberAttributes({
  actor,
  organizationId,
  userId,
}: {
  actor: Actor;
  organizationId: string;
  userId: string;
}): Promise<{ attributes: AttributeValues }> {
  return db().$transaction(async (tx) => {
    const audience = await authorizeMemberValues(tx, { actor, organizationId, userId });
    return { attributes: await findAttributeValues(tx, { userId, organizationId, audience }) };
  });
}
