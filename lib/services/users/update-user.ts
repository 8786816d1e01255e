import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ManagedUser, UserUpdate } from "@/lib/schemas/user";
import { findAttributeValues } from "@/lib/services/attributes/find-attribute-values";
import { writeAttributeValues } from "@/lib/services/attributes/write-attribute-values";
import type { AttributeValues } from "@/lib/schemas/attributes";
import type { ValueSource } from "@/lib/schemas/attribute-values";
import { applyUserChange } from "@/lib/services/users/apply-user-change";
import { assertNotDeleted } from "@/lib/services/users/assert-not-deleted";

/** Changes a user's name, role, status or attributes; disabling signs them out everywhere and revokes their tokens. */
export async function updateUser({
  actor,
  userId,
  data,
  expectedVersion,
  attributeSource,
}: {
  actor: Actor;
  userId: string;
  data: UserUpdate;
  expectedVersion?: number;
  /** Attribute values typed as text (a form), read by each definition's schema. */
  attributeSource?: ValueSource;
}): Promise<ManagedUser> {
  const { attributes: input, ...change } = data;
  let attributes: AttributeValues | undefined;
  const user = await applyUserChange({
    actor,
    userId,
    expectedVersion,
    data: change,
    action: "user.updated",
    precondition: assertNotDeleted,
    endAccess: data.status === "disabled",
    // Written after the change is authorized, in its transaction: the user's version covers the values too.
    alsoInTransaction: input
      ? async (tx) => {
          attributes = await writeAttributeValues(tx, {
            actor,
            userId,
            organizationId: null,
            input,
            audience: "admin",
            source: attributeSource,
          });
        }
      : undefined,
  });
  return { ...user, attributes: attributes ?? (await findAttributeValues(undefined, { userId, organizationId: null, audience: "admin" })) };
}
