import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Page, PaginationQuery } from "@/lib/schemas/pagination";
import type { MemberPublic } from "@/lib/schemas/organization";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { pageWindow, toPage } from "@/lib/services/organizations/page-window";
import { memberInclude, toMemberPublic } from "@/lib/services/organizations/to-member-public";

export async function listMembers({
  actor,
  organizationId,
  query,
}: {
  actor: Actor;
  organizationId: string;
  query: PaginationQuery;
}): Promise<Page<MemberPublic>> {
  const { organization } = await authorizeOrganization(undefined, { actor, organizationId, permission: "members:read" });
  const where = { organizationId: organization.id, user: { deletedAt: null } };
  const window = pageWindow(query);
  const [rows, total] = await Promise.all([
    db().membership.findMany({
      where: window.afterId ? { ...where, userId: { gt: window.afterId } } : where,
      include: memberInclude,
      orderBy: { userId: "asc" },
      skip: window.skip,
      take: window.take,
    }),
    query.cursor ? undefined : db().membership.count({ where }),
  ]);
  return toPage(rows, { query, total, idOf: (row) => row.userId, map: toMemberPublic });
}
