import type { Prisma } from "@/lib/generated/prisma/client";
import { scimUrn } from "@/lib/scim/schema-urns";
import { scimLocation } from "@/lib/services/scim/scim-caller";

/** A group is read with its members: those holding the role whom this directory provisioned. */
export const scimGroupInclude = (organizationId: string) =>
  ({
    memberships: {
      where: { user: { scimUsers: { some: { organizationId } } } },
      include: { user: { include: { scimUsers: { where: { organizationId } } } } },
      orderBy: { joinedAt: "asc" },
    },
  }) satisfies Prisma.OrganizationRoleInclude;

export type ScimGroupRow = Prisma.OrganizationRoleGetPayload<{ include: ReturnType<typeof scimGroupInclude> }>;

export const scimGroupVersion = (row: { version: number }) => `W/"${row.version}"`;

/** The SCIM Group resource (RFC 7643 §4.2): one custom role of the organization and its provisioned members. */
export function toScimGroup(row: ScimGroupRow): Record<string, unknown> {
  return {
    schemas: [scimUrn.group],
    id: row.id,
    displayName: row.name,
    members: row.memberships.map((membership) => ({
      value: membership.userId,
      display: membership.user.scimUsers[0]?.userName ?? membership.user.email,
      $ref: scimLocation("Users", membership.userId),
    })),
    meta: {
      resourceType: "Group",
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: scimLocation("Groups", row.id),
      version: scimGroupVersion(row),
    },
  };
}
