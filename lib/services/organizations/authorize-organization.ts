import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can, grantedPermissions, type OrganizationAccess, type OrganizationPermission } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Organization } from "@/lib/generated/prisma/client";
import { idField } from "@/lib/schemas/fields";

export type AuthorizedOrganization = {
  organization: Organization;
  access: OrganizationAccess;
  /** Everything the caller may do here, for hiding the controls it cannot use. */
  permissions: OrganizationPermission[];
};

type Lookup = { organizationId: string } | { slug: string };

/**
 * Loads an organization with the caller's membership and decides whether the caller
 * may do `permission` there. An organization the caller cannot see at all is "not
 * found", exactly like one that does not exist, so ids of other tenants reveal nothing;
 * "forbidden" is only for an organization the caller can see.
 */
export async function authorizeOrganization(
  client: Tx | undefined,
  { actor, permission, ...lookup }: { actor: Actor; permission: OrganizationPermission } & Lookup,
): Promise<AuthorizedOrganization> {
  if ("organizationId" in lookup && !idField.safeParse(lookup.organizationId).success) throw notFound("Organization");
  const where = "organizationId" in lookup ? { id: lookup.organizationId } : { slug: lookup.slug };
  const organization = await (client ?? db()).organization.findFirst({
    where: { ...where, deletedAt: null },
    include: { memberships: { where: { userId: actor.userId }, include: { role: true } } },
  });
  if (!organization) throw notFound("Organization");

  const { memberships, ...plain } = organization;
  const membership = memberships[0];
  const access: OrganizationAccess = {
    organizationId: organization.id,
    membership: membership ? { permissions: membership.role.permissions } : null,
  };
  if (!can(actor, "organization:read", access)) throw notFound("Organization");
  if (!can(actor, permission, access)) {
    throw new AppError("forbidden", `Your role in this organization does not allow ${permission}.`);
  }
  return { organization: plain, access, permissions: grantedPermissions(actor, access) };
}
