import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ManagedUserDetail } from "@/lib/schemas/user";
import { findAttributeValues } from "@/lib/services/attributes/find-attribute-values";
import { findFactorSummary } from "@/lib/services/mfa/find-factors";
import { toManagedUser, withoutPasswordHash } from "@/lib/services/users/to-managed-user";

/** One user, deleted or not, for an administrator, with the second factors they have set up. */
export async function getUser({ actor, userId }: { actor: Actor; userId: string }): Promise<ManagedUserDetail> {
  authorize(actor, "users:read");
  const user = await db().user.findUnique({ where: { id: userId }, omit: withoutPasswordHash });
  if (!user) throw notFound("User");
  const [{ factors }, attributes] = await Promise.all([
    findFactorSummary(user.id),
    findAttributeValues(undefined, { userId: user.id, organizationId: null, audience: "admin" }),
  ]);
  return {
    ...toManagedUser(user),
    attributes,
    mfaEnabled: factors.length > 0,
    factors: factors.map((factor) => ({
      ...factor,
      createdAt: factor.createdAt.toISOString(),
      lastUsedAt: factor.lastUsedAt?.toISOString() ?? null,
    })),
  };
}
