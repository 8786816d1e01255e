import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListQuery } from "@/lib/scim/list-query";
import { filterWhere, type FilterAttribute } from "@/lib/services/scim/filter-where";
import type { ScimCaller } from "@/lib/services/scim/scim-caller";
import { scimUserInclude, toScimUser } from "@/lib/services/scim/to-scim-user";

/** The User attributes a filter may name, and where each lives. */
function userAttributes(organizationId: string): Map<string, FilterAttribute> {
  const own = (field: string) => (condition: object) => ({ [field]: condition });
  const email: FilterAttribute = { kind: "string", caseExact: false, wrap: (condition) => ({ user: { email: condition } }) };
  return new Map<string, FilterAttribute>([
    ["id", { kind: "id", wrap: own("userId") }],
    ["username", { kind: "string", caseExact: false, wrap: own("userName") }],
    ["externalid", { kind: "string", caseExact: true, optional: true, wrap: own("externalId") }],
    ["displayname", { kind: "string", caseExact: false, optional: true, wrap: own("displayName") }],
    ["name.givenname", { kind: "string", caseExact: false, optional: true, wrap: own("givenName") }],
    ["name.familyname", { kind: "string", caseExact: false, optional: true, wrap: own("familyName") }],
    ["emails", email],
    ["emails.value", email],
    ["emails.type", { kind: "constant", value: "work" }],
    ["emails.primary", { kind: "constant", value: true }],
    [
      "active",
      {
        kind: "boolean",
        match: (active) => ({ user: { memberships: active ? { some: { organizationId } } : { none: { organizationId } } } }),
      },
    ],
    ["meta.created", { kind: "date", wrap: own("createdAt") }],
    ["meta.lastmodified", { kind: "date", wrap: own("updatedAt") }],
  ]);
}

/** GET /Users: the organization's provisioned users matching the filter, one page, with the total (RFC 7644 §3.4.2). */
export async function listScimUsers({ caller, query }: { caller: ScimCaller; query: ListQuery }) {
  const where = {
    organizationId: caller.organizationId,
    user: { deletedAt: null },
    ...(query.filter
      ? { AND: [filterWhere(query.filter, { attributes: userAttributes(caller.organizationId), nothing: { userId: { in: [] } } })] }
      : {}),
  } as Prisma.ScimUserWhereInput;
  const [total, rows] = await Promise.all([
    db().scimUser.count({ where }),
    query.count === 0
      ? []
      : db().scimUser.findMany({
          where,
          include: scimUserInclude(caller.organizationId),
          orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
          skip: query.startIndex - 1,
          take: query.count,
        }),
  ]);
  return { total, resources: rows.map(toScimUser) };
}
