import type { Prisma } from "@/lib/generated/prisma/client";
import { scimUrn } from "@/lib/scim/schema-urns";
import { scimLocation } from "@/lib/services/scim/scim-caller";

/** What a SCIM user is read with: the account, its membership in the directory's organization (`active`) and the groups there it is in. */
export const scimUserInclude = (organizationId: string) =>
  ({
    user: {
      include: {
        memberships: { where: { organizationId }, include: { role: true } },
        groupMemberships: {
          where: { group: { organizationId } },
          select: { group: { select: { id: true, name: true } } },
          orderBy: { addedAt: "asc" },
        },
      },
    },
  }) satisfies Prisma.ScimUserInclude;

export type ScimUserRow = Prisma.ScimUserGetPayload<{ include: ReturnType<typeof scimUserInclude> }>;

/** The resource's version: the directory record's and the account's, so a change to either changes the ETag. */
export const scimUserVersion = (row: ScimUserRow) => `W/"${row.version}.${row.user.version}"`;

/**
 * The SCIM User resource (RFC 7643 §4.1). Active means a member of the organization;
 * `groups` names every group of the organization the user is in, kept while deactivated.
 */
export function toScimUser(row: ScimUserRow): Record<string, unknown> {
  const membership = row.user.memberships[0];
  const formatted = [row.givenName, row.familyName].filter(Boolean).join(" ");
  const lastModified = row.updatedAt > row.user.updatedAt ? row.updatedAt : row.user.updatedAt;
  return {
    schemas: [scimUrn.user],
    id: row.userId,
    ...(row.externalId !== null ? { externalId: row.externalId } : {}),
    userName: row.userName,
    name: {
      ...(formatted ? { formatted } : {}),
      ...(row.givenName !== null ? { givenName: row.givenName } : {}),
      ...(row.familyName !== null ? { familyName: row.familyName } : {}),
    },
    ...(row.displayName !== null ? { displayName: row.displayName } : row.user.name ? { displayName: row.user.name } : {}),
    emails: [{ value: row.user.email, type: "work", primary: true }],
    active: membership !== undefined,
    groups: row.user.groupMemberships.map(({ group }) => ({
      value: group.id,
      display: group.name,
      $ref: scimLocation("Groups", group.id),
    })),
    meta: {
      resourceType: "User",
      created: row.createdAt.toISOString(),
      lastModified: lastModified.toISOString(),
      location: scimLocation("Users", row.userId),
      version: scimUserVersion(row),
    },
  };
}
