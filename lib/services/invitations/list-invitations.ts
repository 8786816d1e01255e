import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Page, PaginationQuery } from "@/lib/schemas/pagination";
import type { InvitationPublic } from "@/lib/schemas/organization";
import { toInvitationPublic } from "@/lib/services/invitations/to-invitation-public";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { pageWindow, toPage } from "@/lib/services/organizations/page-window";

/** Invitations that have not been used or revoked: pending ones and expired ones that can be resent. */
export async function listInvitations({
  actor,
  organizationId,
  query,
}: {
  actor: Actor;
  organizationId: string;
  query: PaginationQuery;
}): Promise<Page<InvitationPublic>> {
  const { organization } = await authorizeOrganization(undefined, { actor, organizationId, permission: "members:invite" });
  const where = { organizationId: organization.id, acceptedAt: null, revokedAt: null };
  const window = pageWindow(query);
  const [rows, total] = await Promise.all([
    db().invitation.findMany({
      where: window.afterId ? { ...where, id: { gt: window.afterId } } : where,
      include: { role: true },
      orderBy: { id: "asc" },
      skip: window.skip,
      take: window.take,
    }),
    query.cursor ? undefined : db().invitation.count({ where }),
  ]);
  return toPage(rows, { query, total, idOf: (row) => row.id, map: toInvitationPublic });
}
