import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { GroupPublic } from "@/lib/schemas/group";
import type { Page, PaginationQuery } from "@/lib/schemas/pagination";
import { groupInclude, toGroupPublic } from "@/lib/services/groups/mappers";
import { getGroupRow } from "@/lib/services/groups/rules";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { pageWindow, toPage } from "@/lib/services/organizations/page-window";

/** The organization's groups, oldest first: whoever may see its members may see its groups. */
export async function listGroups({
  actor,
  organizationId,
  query,
}: {
  actor: Actor;
  organizationId: string;
  query: PaginationQuery;
}): Promise<Page<GroupPublic>> {
  const { organization } = await authorizeOrganization(undefined, { actor, organizationId, permission: "members:read" });
  const where = { organizationId: organization.id };
  const window = pageWindow(query);
  const [rows, total] = await Promise.all([
    db().group.findMany({
      where: window.afterId ? { ...where, id: { gt: window.afterId } } : where,
      include: groupInclude,
      orderBy: { id: "asc" },
      skip: window.skip,
      take: window.take,
    }),
    query.cursor ? undefined : db().group.count({ where }),
  ]);
  return toPage(rows, { query, total, idOf: (row) => row.id, map: toGroupPublic });
}

/** One group of the organization. */
export async function getGroup({ actor, organizationId, groupId }: { actor: Actor; organizationId: string; groupId: string }) {
  const { organization } = await authorizeOrganization(undefined, { actor, organizationId, permission: "members:read" });
  return toGroupPublic(await getGroupRow(db(), organization.id, groupId));
}
