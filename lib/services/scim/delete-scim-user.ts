import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { leaveOrganizationGroups } from "@/lib/services/groups/group-changes";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { isManagedAddress } from "@/lib/services/scim/managed-address";
import { deactivateMember } from "@/lib/services/scim/membership-state";
import { getScimUserRow } from "@/lib/services/scim/save-scim-user";
import { scimAuditActor, type ScimCaller } from "@/lib/services/scim/scim-caller";

/**
 * DELETE /Users/{id}: the membership ends as for `active: false`, the user leaves the
 * organization's groups (which `active: false` keeps), then the directory's record goes; the account stays (disabled if this directory alone had it), since other
 * organizations or an administrator may still need it. Letting a user go only takes
 * something away from this organization, so it works whatever the address; the account
 * itself is disabled only while its address is in a verified domain of the organization.
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
    const mayDisable = row.createdAccount && (await isManagedAddress(tx, caller, row.user.email));
    await deactivateMember(tx, caller, row.user, mayDisable);
    await leaveOrganizationGroups(tx, { organizationId: caller.organizationId, userId, actor: scimAuditActor(caller) });
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
