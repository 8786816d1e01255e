import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Page, PaginationQuery } from "@/lib/schemas/pagination";
import type { OrganizationPublic } from "@/lib/schemas/organization";
import { pageWindow, toPage } from "@/lib/services/organizations/page-window";
import { toOrganizationPublic } from "@/lib/services/organizations/to-organization-public";

/**
 * The organizations the caller belongs to; every organization for whoever may manage
 * them all, and for `everything` (the admin overview) for whoever may read them all. A
 * token restricted to one organization sees that one only.
 */
export async function listOrganizations({
  actor,
  query,
  everything = false,
}: {
  actor: Actor;
  query: PaginationQuery;
  everything?: boolean;
}): Promise<Page<OrganizationPublic>> {
  const seesAll = can(actor, "organizations:manage") || (everything && can(actor, "organizations:read"));
  const where: Prisma.OrganizationWhereInput = {
    deletedAt: null,
    ...(seesAll ? {} : { memberships: { some: { userId: actor.userId } } }),
    ...(actor.organizationId === null ? {} : { id: actor.organizationId }),
  };
  const window = pageWindow(query);
  const [rows, total] = await Promise.all([
    db().organization.findMany({
      where: window.afterId ? { AND: [where, { id: { gt: window.afterId } }] } : where,
      orderBy: { id: "asc" },
      skip: window.skip,
      take: window.take,
    }),
    query.cursor ? undefined : db().organization.count({ where }),
  ]);
  return toPage(rows, { query, total, idOf: (row) => row.id, map: toOrganizationPublic });
}
