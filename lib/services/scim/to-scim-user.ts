import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { scimUrn } from "@/lib/scim/schema-urns";
import { scimLocation } from "@/lib/services/scim/scim-caller";
import { scimCustomAttributes, scimEnterprise, scimProfileAttributes } from "@/lib/services/scim/scim-user-output";

/**
 * What a SCIM user is read with: the account and, for `active`, its membership in
 * the directory's organization, and the groups there it is in; for the enterprise extension, the
 * member's attributes there, which outlive the membership.
 */
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
        memberProfiles: { where: { organizationId } },
        attributeValues: {
          where: { definition: { organizationId } },
          include: { definition: { select: { key: true } } },
          orderBy: { definitionId: "asc" },
        },
      },
    },
  }) satisfies Prisma.ScimUserInclude;

export type ScimUserRow = Prisma.ScimUserGetPayload<{ include: ReturnType<typeof scimUserInclude> }>;

/**
 * The resource's version: the directory record's and the account's, so a change to either
 * changes the ETag, and a digest of the custom attributes, which an owner may change in the
 * console without touching either.
 */
export function scimUserVersion(row: ScimUserRow): string {
  const custom = scimCustomAttributes(row);
  const digest = custom ? `.${createHash("sha256").update(JSON.stringify(custom)).digest("base64url").slice(0, 12)}` : "";
  return `W/"${row.version}.${row.user.version}${digest}"`;
}

/**
 * The SCIM User resource (RFC 7643 §4.1). Active means a member of the organization;
 * `groups` names every group of the organization the user is in, kept while deactivated.
 */
export function toScimUser(row: ScimUserRow): Record<string, unknown> {
  const membership = row.user.memberships[0];
  const lastModified = row.updatedAt > row.user.updatedAt ? row.updatedAt : row.user.updatedAt;
  const enterprise = scimEnterprise(row.user.memberProfiles[0]);
  const custom = scimCustomAttributes(row);
  const { formatted: sentFormatted, middleName, ...profile } = scimProfileAttributes(row);
  // As sent when the directory sent one (Entra ID's "Ms. Barbara J Jensen, III"), else made from the parts.
  const formatted = sentFormatted ?? [row.givenName, middleName, row.familyName].filter(Boolean).join(" ");
  return {
    schemas: [scimUrn.user, ...(enterprise ? [scimUrn.enterpriseUser] : []), ...(custom ? [scimUrn.customUser] : [])],
    id: row.userId,
    ...(row.externalId !== null ? { externalId: row.externalId } : {}),
    userName: row.userName,
    name: {
      ...(formatted ? { formatted } : {}),
      ...(row.givenName !== null ? { givenName: row.givenName } : {}),
      ...(middleName ? { middleName } : {}),
      ...(row.familyName !== null ? { familyName: row.familyName } : {}),
    },
    ...(row.displayName !== null ? { displayName: row.displayName } : row.user.name ? { displayName: row.user.name } : {}),
    ...profile,
    active: membership !== undefined,
    groups: row.user.groupMemberships.map(({ group }) => ({
      value: group.id,
      display: group.name,
      $ref: scimLocation("Groups", group.id),
    })),
    ...(enterprise ? { [scimUrn.enterpriseUser]: enterprise } : {}),
    ...(custom ? { [scimUrn.customUser]: custom } : {}),
    meta: {
      resourceType: "User",
      created: row.createdAt.toISOString(),
      lastModified: lastModified.toISOString(),
      location: scimLocation("Users", row.userId),
      version: scimUserVersion(row),
    },
  };
}
