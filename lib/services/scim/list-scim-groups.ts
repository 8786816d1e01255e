import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sortOrderBy, type ListQuery } from "@/lib/scim/list-query";
import { filterWhere, type FilterAttribute } from "@/lib/services/scim/filter-where";
import type { ScimCaller } from "@/lib/services/scim/scim-caller";
import { scimGroupInclude, toScimGroup } from "@/lib/services/scim/to-scim-group";

const own = (field: string) => (condition: object) => ({ [field]: condition });
const member = (condition: object) => ({ members: { some: { userId: condition } } });

/** The Group attributes a filter may name. */
const groupAttributes = new Map<string, FilterAttribute>([
  ["id", { kind: "id", wrap: own("id") }],
  ["displayname", { kind: "string", caseExact: false, wrap: own("name") }],
  ["externalid", { kind: "string", caseExact: true, optional: true, wrap: own("externalId") }],
  ["members", { kind: "id", wrap: member }],
  ["members.value", { kind: "id", wrap: member }],
  ["meta.created", { kind: "date", wrap: own("createdAt") }],
  ["meta.lastmodified", { kind: "date", wrap: own("updatedAt") }],
]);

type GroupOrder = Prisma.GroupOrderByWithRelationInput;
/** The Group attributes a list may be sorted by (sortBy), and their columns. */
const sortableGroupAttributes = new Map<string, (sort: "asc" | "desc") => GroupOrder>([
  ["id", (sort) => ({ id: sort })],
  ["displayname", (sort) => ({ name: sort })],
  ["externalid", (sort) => ({ externalId: { sort, nulls: "last" } })],
  ["meta.created", (sort) => ({ createdAt: sort })],
  ["meta.lastmodified", (sort) => ({ updatedAt: sort })],
]);

/** GET /Groups: the organization's groups matching the filter, one page, with the total. */
export async function listScimGroups({ caller, query }: { caller: ScimCaller; query: ListQuery }) {
  const where = {
    organizationId: caller.organizationId,
    ...(query.filter ? { AND: [filterWhere(query.filter, { attributes: groupAttributes, nothing: { id: { in: [] } } })] } : {}),
  } as Prisma.GroupWhereInput;
  // Checked before anything is read, so an unknown sortBy is refused even for count=0.
  const orderBy = sortOrderBy(query, sortableGroupAttributes, [{ createdAt: "asc" }, { id: "asc" }]);
  const [total, rows] = await Promise.all([
    db().group.count({ where }),
    query.count === 0
      ? []
      : db().group.findMany({
          where,
          include: scimGroupInclude(caller.organizationId),
          orderBy,
          skip: query.startIndex - 1,
          take: query.count,
        }),
  ]);
  return { total, resources: rows.map(toScimGroup) };
}
