import type { Prisma } from "@/lib/generated/prisma/client";
import { scimUrn } from "@/lib/scim/schema-urns";
import { scimLocation } from "@/lib/services/scim/scim-caller";

/**
 * A group is read with the people in it whom this directory provisioned (others, added
 * in the console, are not SCIM resources of this directory), and the roles it grants.
 */
export const scimGroupInclude = (organizationId: string) =>
  ({
    members: {
      where: { user: { scimUsers: { some: { organizationId } } } },
      include: { user: { select: { email: true, scimUsers: { where: { organizationId }, select: { userName: true } } } } },
      orderBy: { addedAt: "asc" },
    },
    roles: { select: { role: { select: { name: true, builtIn: true } } } },
  }) satisfies Prisma.GroupInclude;

export type ScimGroupRow = Prisma.GroupGetPayload<{ include: ReturnType<typeof scimGroupInclude> }>;

export const scimGroupVersion = (row: { version: number }) => `W/"${row.version}"`;

/** The SCIM Group resource (RFC 7643 §4.2): one group of the organization and its provisioned members. */
export function toScimGroup(row: ScimGroupRow): Record<string, unknown> {
  return {
    schemas: [scimUrn.group],
    id: row.id,
    ...(row.externalId === null ? {} : { externalId: row.externalId }),
    displayName: row.name,
    members: row.members.map((member) => ({
      value: member.userId,
      display: member.user.scimUsers[0]?.userName ?? member.user.email,
      $ref: scimLocation("Users", member.userId),
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
