import "server-only";
import { db } from "@/lib/db";
import type { ScimUserInput } from "@/lib/schemas/scim";
import { ScimError } from "@/lib/scim/scim-error";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { assertManagedAddress } from "@/lib/services/scim/managed-address";
import { activateMember } from "@/lib/services/scim/membership-state";
import { accountNameOf, assertUniqueInDirectory, directoryFields, assertAccountEmail } from "@/lib/services/scim/save-scim-user";
import { scimAuditActor, type ScimCaller } from "@/lib/services/scim/scim-caller";
import { writeScimAttributeValues } from "@/lib/services/scim/scim-custom-attributes";
import { accountProfileOf, enterpriseOf } from "@/lib/services/scim/scim-user-attributes";
import { writeEnterprise } from "@/lib/services/organizations/member-profile";
import { profileColumns } from "@/lib/services/users/profile-columns";
import { toUserPublic } from "@/lib/services/users/to-user-public";
import { scimUserInclude, toScimUser } from "@/lib/services/scim/to-scim-user";

/**
 * Provisions a user into the token's organization (POST /Users). The address must be in
 * one of the organization's verified domains. An account with the same email is linked
 * rather than duplicated; otherwise an ordinary account without a password is made
 * (people sign in through single sign-on or set one by a reset link). SCIM never makes
 * or changes a global role, and never sets a password.
 */
export async function createScimUser({ caller, input }: { caller: ScimCaller; input: ScimUserInput }) {
  const fields = directoryFields(input);
  const email = assertAccountEmail(input);
  return db().$transaction(async (tx) => {
    await lockOrganization(tx, caller.organizationId);
    await assertManagedAddress(tx, caller, email);
    await assertUniqueInDirectory(tx, caller, fields);
    const existing = await tx.user.findUnique({ where: { email } });
    if (existing?.deletedAt)
      throw new ScimError("uniqueness", "An account with this email is deleted; an administrator must restore or purge it first.");
    if (existing && (await tx.scimUser.count({ where: { organizationId: caller.organizationId, userId: existing.id } })) > 0) {
      throw new ScimError("uniqueness", "A user with this email is already provisioned in this directory.");
    }
    const account =
      existing ?? (await tx.user.create({ data: { email, name: accountNameOf(input), ...profileColumns(accountProfileOf(input)) } }));
    if (!existing) {
      await recordAuditEvent(tx, {
        action: "user.created",
        actor: scimAuditActor(caller),
        target: { type: "user", id: account.id },
        organizationId: caller.organizationId,
        after: toUserPublic(account),
      });
    }
    await tx.scimUser.create({ data: { organizationId: caller.organizationId, userId: account.id, createdAccount: !existing, ...fields } });
    const enterprise = await writeEnterprise(tx, { organizationId: caller.organizationId, userId: account.id, data: enterpriseOf(input) });
    await writeScimAttributeValues(tx, caller, { userId: account.id, input, creating: true });
    await recordAuditEvent(tx, {
      action: "scim.user_created",
      actor: scimAuditActor(caller),
      target: { type: "user", id: account.id },
      organizationId: caller.organizationId,
      after: { ...fields, enterprise: enterprise.after, linkedExistingAccount: Boolean(existing) },
    });
    if (input.active ?? true) await activateMember(tx, caller, account, !existing);
    const row = await tx.scimUser.findUniqueOrThrow({
      where: { organizationId_userId: { organizationId: caller.organizationId, userId: account.id } },
      include: scimUserInclude(caller.organizationId),
    });
    return toScimUser(row);
  });
}
