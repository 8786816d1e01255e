import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { deactivateMember } from "@/lib/services/scim/membership-state";
import { getScimUserRow } from "@/lib/services/scim/save-scim-user";
import { scimAuditActor, type ScimCaller } from "@/lib/services/scim/scim-caller";

/**
 * DELETE /Users/{id}: the membership ends as for `active: false`, then the directory's
 * record goes; the account stays (disabled if this directory alone had it), since other
 * organizations or an administrator may still need it.
 */
export async function deleteScimUser({
  caller,
  userId,
  expectedVersion,
}: {
  caller: ScimCaller;
  userId: string;
  expectedVersion?: string;
}) {
  await db().$transaction(async (tx) => {
    await lockOrganization(tx, caller.organizationId);
    const row = await getScimUserRow(tx, caller, userId, expectedVersion);
    await deactivateMember(tx, caller, row.user, row.createdAccount);
    await tx.scimUser.delete({ where: { organizationId_userId: { organizationId: caller.organizationId, userId } } });
    await recordAuditEvent(tx, {
      action: "scim.user_deleted",
      actor: scimAuditActor(caller),
      target: { type: "user", id: userId },
      organizationId: caller.organizationId,
      before: { userName: row.userName, externalId: row.externalId },
    });
  });
}
