import "server-only";
import type { Tx } from "@/lib/db";
import { notFound, staleVersion } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";
import type { ScimGroupInput } from "@/lib/schemas/scim";
import { ScimError } from "@/lib/scim/scim-error";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { addToGroup, removeFromGroup } from "@/lib/services/groups/group-changes";
import { groupInclude, toGroupPublic } from "@/lib/services/groups/mappers";
import { scimAuditActor, type ScimCaller } from "@/lib/services/scim/scim-caller";
import { scimGroupInclude, scimGroupVersion, type ScimGroupRow } from "@/lib/services/scim/to-scim-group";

/** One of the organization's groups; another organization's is not found, like an id that does not exist. */
export async function getScimGroupRow(tx: Tx, caller: ScimCaller, groupId: string, expectedVersion?: string): Promise<ScimGroupRow> {
  if (!idField.safeParse(groupId).success) throw notFound("Group");
  const row = await tx.group.findFirst({
    where: { id: groupId, organizationId: caller.organizationId },
    include: scimGroupInclude(caller.organizationId),
  });
  if (!row) throw notFound("Group");
  if (expectedVersion !== undefined && expectedVersion !== scimGroupVersion(row)) throw staleVersion();
  return row;
}

/** Refuses a displayName or externalId another group of the organization has (RFC 7644 §3.3: 409 uniqueness). */
export async function assertScimGroupIdentifiersFree(tx: Tx, caller: ScimCaller, input: ScimGroupInput, exceptGroupId?: string) {
  const others = { organizationId: caller.organizationId, ...(exceptGroupId ? { id: { not: exceptGroupId } } : {}) };
  if ((await tx.group.count({ where: { ...others, name: input.displayName } })) > 0) {
    throw new ScimError("uniqueness", `The organization already has a group named "${input.displayName}".`);
  }
  if (input.externalId && (await tx.group.count({ where: { ...others, externalId: input.externalId } })) > 0) {
    throw new ScimError("uniqueness", `Another group has the externalId "${input.externalId}".`);
  }
}

/**
 * A directory may not change who is in a group granting a built-in role above `member`:
 * it can make nobody an owner or admin, however an owner mapped its groups.
 */
function assertDirectoryMayChangeMembers(row: ScimGroupRow) {
  const granted = row.roles.find(({ role }) => role.builtIn && role.name !== "member");
  if (granted)
    throw new ScimError("mutability", `This group grants the built-in ${granted.role.name} role; a directory cannot change who is in it.`);
}

/** The users named as members, each one this directory provisioned (active or deactivated). */
async function provisionedUserIds(tx: Tx, caller: ScimCaller, values: string[]): Promise<string[]> {
  const ids = [...new Set(values)];
  const invalid = ids.find((value) => !idField.safeParse(value).success);
  const known = invalid
    ? []
    : await tx.scimUser.findMany({ where: { organizationId: caller.organizationId, userId: { in: ids } }, select: { userId: true } });
  const unknown = invalid ?? ids.find((id) => !known.some((row) => row.userId === id));
  if (unknown !== undefined) throw new ScimError("invalidValue", `The member "${unknown}" is not a user provisioned by this directory.`);
  return ids;
}

/** Renames the group, keeps its externalId, and makes its provisioned members exactly `input.members` (PUT, and PATCH after its operations). */
export async function replaceScimGroupRow(tx: Tx, caller: ScimCaller, row: ScimGroupRow, input: ScimGroupInput): Promise<void> {
  const actor = scimAuditActor(caller);
  const externalId = input.externalId === undefined ? row.externalId : input.externalId;
  if (input.displayName !== row.name || externalId !== row.externalId) {
    await assertScimGroupIdentifiersFree(tx, caller, { ...input, externalId }, row.id);
    const before = toGroupPublic(await tx.group.findUniqueOrThrow({ where: { id: row.id }, include: groupInclude }));
    const after = await tx.group.update({
      where: { id: row.id },
      data: { name: input.displayName, externalId, version: { increment: 1 } },
      include: groupInclude,
    });
    await recordAuditEvent(tx, {
      action: "group.updated",
      actor,
      target: { type: "group", id: row.id },
      before,
      after: toGroupPublic(after),
    });
  }
  const wanted = await provisionedUserIds(
    tx,
    caller,
    (input.members ?? []).map((member) => member.value),
  );
  const current = row.members.map((member) => member.userId);
  const added = wanted.filter((userId) => !current.includes(userId));
  const removed = current.filter((userId) => !wanted.includes(userId));
  if (added.length + removed.length > 0) assertDirectoryMayChangeMembers(row);
  await addToGroup(tx, { group: row, userIds: added, actor });
  await removeFromGroup(tx, { group: row, userIds: removed, actor });
}
