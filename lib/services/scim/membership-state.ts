import "server-only";
import { isDirectoryManageable } from "@/lib/auth/permissions";
import type { GlobalRole } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { assertAnotherOwner } from "@/lib/services/organizations/assert-another-owner";
import { toMemberPublic } from "@/lib/services/organizations/to-member-public";
import { scimAuditActor, type ScimCaller } from "@/lib/services/scim/scim-caller";
import { ScimError } from "@/lib/scim/scim-error";
import { endProviderSessions } from "@/lib/services/oidc/end-provider-sessions";

type Account = { id: string; role: GlobalRole; status: string; version: number };

/**
 * Makes a provisioned user a member (role `member`) again, and enables an account this
 * directory made and had disabled. Call after lockOrganization.
 */
export async function activateMember(tx: Tx, caller: ScimCaller, account: Account, createdAccount: boolean): Promise<void> {
  const existing = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId: caller.organizationId, userId: account.id } },
  });
  if (!existing) {
    const role = await tx.organizationRole.findUniqueOrThrow({
      where: { organizationId_name: { organizationId: caller.organizationId, name: "member" } },
    });
    const membership = await tx.membership.create({
      data: { organizationId: caller.organizationId, userId: account.id, roleId: role.id },
      include: { role: true, user: true },
    });
    await recordAuditEvent(tx, {
      action: "member.added",
      actor: scimAuditActor(caller),
      target: { type: "organization", id: caller.organizationId },
      after: toMemberPublic(membership),
    });
  }
  if (createdAccount && isDirectoryManageable(account) && account.status === "disabled") {
    await tx.user.update({ where: { id: account.id }, data: { status: "active", version: { increment: 1 } } });
    await recordAuditEvent(tx, {
      action: "user.enabled",
      actor: scimAuditActor(caller),
      target: { type: "user", id: account.id },
      organizationId: caller.organizationId,
    });
  }
}

/**
 * Ends a provisioned user's membership (`active: false` or DELETE). Sessions are not per
 * organization, so what ends here is what belongs to this organization: the membership
 * (every check reads it) and the user's personal access tokens limited to it. The whole
 * account is disabled, and every session and token ended, only when this directory
 * made it, it belongs to no other organization, and it is not a global administrator.
 */
export async function deactivateMember(tx: Tx, caller: ScimCaller, account: Account, createdAccount: boolean): Promise<void> {
  const membership = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId: caller.organizationId, userId: account.id } },
    include: { role: true, user: true },
  });
  if (membership) {
    if (membership.role.builtIn && membership.role.name === "owner") {
      await assertAnotherOwner(tx, { organizationId: caller.organizationId, userId: account.id }).catch((error: unknown) => {
        if (!(error instanceof AppError)) throw error;
        throw new ScimError("mutability", "This user is the organization's last owner; make someone else owner before deactivating them.");
      });
    }
    await tx.membership.delete({ where: { organizationId_userId: { organizationId: caller.organizationId, userId: account.id } } });
    await tx.apiToken.updateMany({
      where: { userId: account.id, organizationId: caller.organizationId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      action: "member.removed",
      actor: scimAuditActor(caller),
      target: { type: "organization", id: caller.organizationId },
      before: toMemberPublic(membership),
    });
  }
  const elsewhere = await tx.membership.count({ where: { userId: account.id } });
  if (!createdAccount || elsewhere > 0 || !isDirectoryManageable(account) || account.status !== "active") return;
  await tx.user.update({ where: { id: account.id }, data: { status: "disabled", version: { increment: 1 } } });
  await tx.session.deleteMany({ where: { userId: account.id } });
  await endProviderSessions(tx, { userId: account.id, reason: "disabled" });
  await tx.apiToken.updateMany({ where: { userId: account.id, revokedAt: null }, data: { revokedAt: new Date() } });
  await recordAuditEvent(tx, {
    action: "user.disabled",
    actor: scimAuditActor(caller),
    target: { type: "user", id: account.id },
    organizationId: caller.organizationId,
  });
}
