import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { OrganizationPublic, OrganizationUpdate } from "@/lib/schemas/organization";
import { versionedUpdate } from "@/lib/services/versioned-update";
import { hasSecondFactor } from "@/lib/services/mfa/find-factors";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { slugTaken } from "@/lib/services/organizations/create-organization";
import { toOrganizationPublic } from "@/lib/services/organizations/to-organization-public";

/** Renames an organization or changes its address; `expectedVersion` comes from If-Match. */
export async function updateOrganization({
  actor,
  organizationId,
  data,
  expectedVersion,
}: {
  actor: Actor;
  organizationId: string;
  data: OrganizationUpdate;
  expectedVersion?: number;
}): Promise<OrganizationPublic> {
  return db().$transaction(async (tx) => {
    const { organization } = await authorizeOrganization(tx, { actor, organizationId, permission: "organization:update" });
    if (data.mfaRequired && !organization.mfaRequired && !(await hasSecondFactor(actor.userId, tx))) {
      // Whoever requires a second factor of everyone must have one, or they would lock themselves out with it.
      throw new AppError("validation_failed", "The request has invalid fields.", {
        fieldErrors: [{ field: "mfaRequired", message: "Set up two-factor authentication for your own account first." }],
      });
    }
    if (data.slug && data.slug !== organization.slug) {
      if (await tx.organization.findUnique({ where: { slug: data.slug }, select: { id: true } })) throw slugTaken();
    }
    return versionedUpdate(tx, {
      update: () =>
        tx.organization.updateMany({
          where: { id: organization.id, version: expectedVersion ?? organization.version },
          data: { ...data, version: { increment: 1 } },
        }),
      reload: async () => toOrganizationPublic(await tx.organization.findUniqueOrThrow({ where: { id: organization.id } })),
      event: {
        action: "organization.updated",
        actor,
        target: { type: "organization", id: organization.id },
        before: toOrganizationPublic(organization),
      },
    });
  });
}
