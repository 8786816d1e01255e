import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { ValueSource } from "@/lib/schemas/attribute-values";
import type { ProfileField, ProfileUpdate } from "@/lib/schemas/profile";
import type { UserPublic, UserSelfUpdate } from "@/lib/schemas/user";
import { findAttributeValues } from "@/lib/services/attributes/find-attribute-values";
import { writeAttributeValues } from "@/lib/services/attributes/write-attribute-values";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { profileColumns } from "@/lib/services/users/profile-columns";
import { toUserPublic } from "@/lib/services/users/to-user-public";

/**
 * The installation decides which profile fields people change themselves
 * (PROFILE_SELF_EDITABLE); the others come from administrators and directories, and a
 * user's attempt names each refused field, so a form can show it beside its input.
 */
function assertSelfEditable(profile: ProfileUpdate | undefined): void {
  const allowed = new Set<ProfileField>(config().PROFILE_SELF_EDITABLE);
  const refused = Object.entries(profile ?? {})
    .filter(([field, value]) => value !== undefined && !allowed.has(field as ProfileField))
    .map(([field]) => ({ field: `profile.${field}`, message: "Only an administrator can change this field." }));
  if (refused.length > 0) {
    throw new AppError("forbidden", `You cannot change ${refused.map((error) => error.field).join(", ")}.`, { fieldErrors: refused });
  }
}

/**
 * The signed-in user changes their own name, the profile fields and the attributes the
 * installation lets them change.
 */
export async function updateCurrentUser({
  actor,
  data,
  attributeSource,
}: {
  actor: Actor;
  data: UserSelfUpdate;
  /** How the attribute values arrive: JSON from the API, text from a form. */
  attributeSource?: ValueSource;
}): Promise<UserPublic> {
  assertSelfEditable(data.profile);
  const user = await db().$transaction(async (tx) => {
    const before = await tx.user.findFirst({ where: { id: actor.userId, deletedAt: null } });
    if (!before) throw notFound("User");
    const after = await tx.user.update({
      where: { id: before.id },
      data: { ...(data.name !== undefined ? { name: data.name } : {}), ...profileColumns(data.profile), version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      action: "user.updated",
      actor,
      target: { type: "user", id: before.id },
      before: toUserPublic(before),
      after: toUserPublic(after),
    });
    // Only attributes marked `edit`; any other key is refused naming it (write-attribute-values.ts).
    if (data.attributes)
      await writeAttributeValues(tx, {
        actor,
        userId: before.id,
        organizationId: null,
        input: data.attributes,
        audience: "user",
        source: attributeSource,
      });
    return after;
  });
  const attributes = await findAttributeValues(undefined, { userId: user.id, organizationId: null, audience: "user" });
  return { ...toUserPublic(user), attributes };
}
