import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { OrganizationPermission } from "@/lib/auth/permission-catalogue";
import { can, grantedPermissions, type OrganizationAccess } from "@/lib/auth/permissions";
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

const groupGrantsSelect = { roles: { select: { role: { select: { permissions: true } } } } } as const;

/**
 * A member's permissions: their own role's and every role their groups grant. Groups
 * grant nothing to someone who is not a member (a deactivated directory user keeps
 * their groups), so this is read only with a membership.
 */
function heldPermissions(role: { permissions: string[] }, groups: { roles: { role: { permissions: string[] } }[] }[]): string[] {
  const granted = groups.flatMap((group) => group.roles.flatMap((grant) => grant.role.permissions));
  return granted.length === 0 ? role.permissions : [...new Set([...role.permissions, ...granted])];
}

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
    include: {
      memberships: { where: { userId: actor.userId }, include: { role: true } },
      groups: { where: { members: { some: { userId: actor.userId } } }, select: groupGrantsSelect },
    },
  });
  if (!organization) throw notFound("Organization");

  const { memberships, groups, ...plain } = organization;
  const membership = memberships[0];
  const access: OrganizationAccess = {
    organizationId: organization.id,
    membership: membership ? { permissions: heldPermissions(membership.role, groups) } : null,
  };
  if (!can(actor, "organization:read", access)) throw notFound("Organization");
  if (!can(actor, permission, access)) {
    throw new AppError("forbidden", `Your role in this organization does not allow ${permission}.`);
  }
  return { organization: plain, access, permissions: grantedPermissions(actor, access) };
}
