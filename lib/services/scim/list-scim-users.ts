import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sortOrderBy, type ListQuery } from "@/lib/scim/list-query";
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

type UserOrder = Prisma.ScimUserOrderByWithRelationInput;
const column =
  (field: "userName" | "createdAt" | "updatedAt" | "userId") =>
  (sort: "asc" | "desc"): UserOrder => ({ [field]: sort });
/** An attribute a user may lack sorts those without it last, whichever way (Prisma allows this on nullable columns only). */
const optionalColumn =
  (field: "externalId" | "displayName" | "givenName" | "familyName") =>
  (sort: "asc" | "desc"): UserOrder => ({ [field]: { sort, nulls: "last" } });
const byEmail = (sort: "asc" | "desc"): UserOrder => ({ user: { email: sort } });

/** The User attributes a list may be sorted by (sortBy), and their columns. */
const sortableUserAttributes = new Map<string, (sort: "asc" | "desc") => UserOrder>([
  ["id", column("userId")],
  ["username", column("userName")],
  ["externalid", optionalColumn("externalId")],
  ["displayname", optionalColumn("displayName")],
  ["name.givenname", optionalColumn("givenName")],
  ["name.familyname", optionalColumn("familyName")],
  ["emails", byEmail],
  ["emails.value", byEmail],
  ["meta.created", column("createdAt")],
  ["meta.lastmodified", column("updatedAt")],
]);

/** GET /Users: the organization's provisioned users matching the filter, one page, with the total (RFC 7644 §3.4.2). */
export async function listScimUsers({ caller, query }: { caller: ScimCaller; query: ListQuery }) {
  const where = {
    organizationId: caller.organizationId,
    user: { deletedAt: null },
    ...(query.filter
      ? { AND: [filterWhere(query.filter, { attributes: userAttributes(caller.organizationId), nothing: { userId: { in: [] } } })] }
      : {}),
  } as Prisma.ScimUserWhereInput;
  // Checked before anything is read, so an unknown sortBy is refused even for count=0.
  const orderBy = sortOrderBy(query, sortableUserAttributes, [{ createdAt: "asc" }, { userId: "asc" }]);
  const [total, rows] = await Promise.all([
    db().scimUser.count({ where }),
    query.count === 0
      ? []
      : db().scimUser.findMany({
          where,
          include: scimUserInclude(caller.organizationId),
          orderBy,
          skip: query.startIndex - 1,
          take: query.count,
        }),
  ]);
  return { total, resources: rows.map(toScimUser) };
}
