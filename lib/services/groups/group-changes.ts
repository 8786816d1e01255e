import "server-only";
import type { Tx } from "@/lib/db";
import { recordAuditEvent, type AuditEventInput } from "@/lib/services/audit/record-audit-event";

type Group = { id: string; organizationId: string; name: string };
type Change = { group: Group; userIds: readonly string[]; actor: AuditEventInput["actor"] };

/**
 * The two changes of who is in a group, shared by the API, the pages and the directory
 * (SCIM), so each is audited (and reaches webhooks) the same way whoever makes it. Who
 * may make them is decided by the caller's service before it calls these.
 */
export async function addToGroup(tx: Tx, { group, userIds, actor }: Change): Promise<number> {
  const wanted = [...new Set(userIds)];
  if (wanted.length === 0) return 0;
  const present = await tx.groupMember.findMany({ where: { groupId: group.id, userId: { in: wanted } }, select: { userId: true } });
  const fresh = wanted.filter((userId) => !present.some((row) => row.userId === userId));
  if (fresh.length === 0) return 0;
  await tx.groupMember.createMany({ data: fresh.map((userId) => ({ groupId: group.id, userId })), skipDuplicates: true });
  await touchGroup(tx, group.id);
  for (const userId of fresh) await recordMembershipEvent(tx, "group.member_added", group, userId, actor);
  return fresh.length;
}

export async function removeFromGroup(tx: Tx, { group, userIds, actor }: Change): Promise<number> {
  const wanted = [...new Set(userIds)];
  if (wanted.length === 0) return 0;
  const present = await tx.groupMember.findMany({ where: { groupId: group.id, userId: { in: wanted } }, select: { userId: true } });
  if (present.length === 0) return 0;
  await tx.groupMember.deleteMany({ where: { groupId: group.id, userId: { in: present.map((row) => row.userId) } } });
  await touchGroup(tx, group.id);
  for (const { userId } of present) await recordMembershipEvent(tx, "group.member_removed", group, userId, actor);
  return present.length;
}

/** A change of members is a change of the group: its version (the ETag) moves on. */
const touchGroup = (tx: Tx, groupId: string) => tx.group.update({ where: { id: groupId }, data: { version: { increment: 1 } } });

function recordMembershipEvent(
  tx: Tx,
  action: "group.member_added" | "group.member_removed",
  group: Group,
  userId: string,
  actor: AuditEventInput["actor"],
) {
  const snapshot = { organizationId: group.organizationId, groupId: group.id, groupName: group.name, userId };
  return recordAuditEvent(tx, {
    action,
    actor,
    target: { type: "group", id: group.id },
    organizationId: group.organizationId,
    ...(action === "group.member_added" ? { after: snapshot } : { before: snapshot }),
  });
}

/**
 * Takes someone out of every group of an organization they leave for good (removed from
 * it, or deleted by its directory), so joining again later does not quietly hand back
 * what the groups granted. A directory's deactivation keeps them, by design.
 */
export async function leaveOrganizationGroups(
  tx: Tx,
  { organizationId, userId, actor }: { organizationId: string; userId: string; actor: AuditEventInput["actor"] },
): Promise<void> {
  const groups = await tx.group.findMany({
    where: { organizationId, members: { some: { userId } } },
    select: { id: true, organizationId: true, name: true },
  });
  for (const group of groups) await removeFromGroup(tx, { group, userIds: [userId], actor });
}

/** The roles the groups someone is in grant them in an organization. */
export const rolesGrantedByGroupsOf = (tx: Tx, organizationId: string, userId: string) =>
  tx.organizationRole.findMany({ where: { organizationId, groupGrants: { some: { group: { members: { some: { userId } } } } } } });
