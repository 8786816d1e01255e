import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";
import type { GroupMemberAdd, GroupMemberPublic } from "@/lib/schemas/group";
import type { Page, PaginationQuery } from "@/lib/schemas/pagination";
import { addToGroup, removeFromGroup } from "@/lib/services/groups/group-changes";
import { groupMemberInclude, shownGroupMember, toGroupMemberPublic } from "@/lib/services/groups/mappers";
import { authorizeGroupGrant, getGroupRow, getGroupRowForUpdate, grantedRolesOf } from "@/lib/services/groups/rules";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { pageWindow, toPage } from "@/lib/services/organizations/page-window";

/** Who is in a group, by user id. */
export async function listGroupMembers({
  actor,
  organizationId,
  groupId,
  query,
}: {
  actor: Actor;
  organizationId: string;
  groupId: string;
  query: PaginationQuery;
}): Promise<Page<GroupMemberPublic>> {
  const { organization } = await authorizeOrganization(undefined, { actor, organizationId, permission: "members:read" });
  const group = await getGroupRow(db(), organization.id, groupId);
  const window = pageWindow(query);
  const where = { groupId: group.id, ...shownGroupMember };
  const [rows, total] = await Promise.all([
    db().groupMember.findMany({
      where: window.afterId ? { ...where, userId: { gt: window.afterId } } : where,
      include: groupMemberInclude(organization.id),
      orderBy: { userId: "asc" },
      skip: window.skip,
      take: window.take,
    }),
    query.cursor ? undefined : db().groupMember.count({ where }),
  ]);
  return toPage(rows, { query, total, idOf: (row) => row.userId, map: toGroupMemberPublic });
}

/**
 * Who may be put in a group: a member of the organization, or someone its directory
 * provisioned and has deactivated (their groups wait for them). Anyone else is "not a
 * member", whether or not an account exists, so the answer reveals no outsider.
 */
async function findEligibleUser(tx: Tx, organizationId: string, who: GroupMemberAdd) {
  const user = await tx.user.findFirst({
    where: {
      ...(who.userId ? { id: who.userId } : { email: who.email }),
      deletedAt: null,
      OR: [{ memberships: { some: { organizationId } } }, { scimUsers: { some: { organizationId } } }],
    },
    select: { id: true },
  });
  if (!user) {
    const field = who.userId ? "userId" : "email";
    const message = "No member of the organization has this account.";
    throw new AppError("validation_failed", message, { fieldErrors: [{ field, message }] });
  }
  return user;
}

/** Puts someone in a group, which grants them its roles; adding someone already in it changes nothing. */
export async function addGroupMember({
  actor,
  organizationId,
  groupId,
  data,
}: {
  actor: Actor;
  organizationId: string;
  groupId: string;
  data: GroupMemberAdd;
}): Promise<GroupMemberPublic> {
  return db().$transaction(async (tx) => {
    const { organization, access } = await authorizeOrganization(tx, { actor, organizationId, permission: "groups:manage" });
    const group = await getGroupRowForUpdate(tx, organization.id, groupId);
    authorizeGroupGrant(actor, access, await grantedRolesOf(tx, group.id));
    const user = await findEligibleUser(tx, organization.id, data);
    await addToGroup(tx, { group, userIds: [user.id], actor });
    const row = await tx.groupMember.findUniqueOrThrow({
      where: { groupId_userId: { groupId: group.id, userId: user.id } },
      include: groupMemberInclude(organization.id),
    });
    return toGroupMemberPublic(row);
  });
}

/** Takes someone out of a group; they lose what it granted on their next request. */
export async function removeGroupMember({
  actor,
  organizationId,
  groupId,
  userId,
}: {
  actor: Actor;
  organizationId: string;
  groupId: string;
  userId: string;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const { organization, access } = await authorizeOrganization(tx, { actor, organizationId, permission: "groups:manage" });
    const group = await getGroupRowForUpdate(tx, organization.id, groupId);
    authorizeGroupGrant(actor, access, await grantedRolesOf(tx, group.id));
    const removed = idField.safeParse(userId).success ? await removeFromGroup(tx, { group, userIds: [userId], actor }) : 0;
    if (removed === 0) throw new AppError("not_found", "This person is not in the group.");
  });
}
