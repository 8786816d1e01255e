import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { staleVersion } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { toGroupPublic } from "@/lib/services/groups/mappers";
import { authorizeGroupGrant, getGroupRowForUpdate, grantedRolesOf } from "@/lib/services/groups/rules";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";

/** Deletes a group: its members lose what it granted, on their next request. */
export async function deleteGroup({
  actor,
  organizationId,
  groupId,
  expectedVersion,
}: {
  actor: Actor;
  organizationId: string;
  groupId: string;
  expectedVersion?: number;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const { organization, access } = await authorizeOrganization(tx, { actor, organizationId, permission: "groups:manage" });
    const row = await getGroupRowForUpdate(tx, organization.id, groupId);
    authorizeGroupGrant(actor, access, await grantedRolesOf(tx, row.id));
    const { count } = await tx.group.deleteMany({ where: { id: row.id, version: expectedVersion ?? row.version } });
    if (count === 0) throw staleVersion();
    await recordAuditEvent(tx, { action: "group.deleted", actor, target: { type: "group", id: row.id }, before: toGroupPublic(row) });
  });
}
