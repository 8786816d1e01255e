import "server-only";
import { isDeepStrictEqual } from "node:util";
import { isDirectoryManageable } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import { notFound, staleVersion } from "@/lib/errors";
import type { User } from "@/lib/generated/prisma/client";
import { idField } from "@/lib/schemas/fields";
import { accountEmailOf, type ScimUserInput } from "@/lib/schemas/scim";
import { ScimError } from "@/lib/scim/scim-error";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { changeAccountEmail, type AccountEmailChange } from "@/lib/services/scim/account-email-change";
import { assertManagedAddress } from "@/lib/services/scim/managed-address";
import { activateMember, deactivateMember } from "@/lib/services/scim/membership-state";
import { scimAuditActor, type ScimCaller } from "@/lib/services/scim/scim-caller";
import { writeScimAttributeValues } from "@/lib/services/scim/scim-custom-attributes";
import { accountProfileOf, directoryAttributes, enterpriseOf } from "@/lib/services/scim/scim-user-attributes";
import { scimUserInclude, scimUserVersion, type ScimUserRow } from "@/lib/services/scim/to-scim-user";
import { writeEnterprise } from "@/lib/services/organizations/member-profile";
import { profileColumns } from "@/lib/services/users/profile-columns";
import { toProfilePublic } from "@/lib/services/users/to-user-public";

/** The directory's own attributes of a user, as stored and as audited. */
export function directoryFields(input: ScimUserInput) {
  return {
    userName: input.userName,
    externalId: input.externalId ?? null,
    givenName: input.name?.givenName ?? null,
    familyName: input.name?.familyName ?? null,
    displayName: input.displayName ?? input.name?.formatted ?? null,
    attributes: directoryAttributes(input),
  };
}

const storedFields = (row: ScimUserRow) => ({
  userName: row.userName,
  externalId: row.externalId,
  givenName: row.givenName,
  familyName: row.familyName,
  displayName: row.displayName,
  attributes: row.attributes,
});

/** The account's display name from what the directory sent. */
export const accountNameOf = (input: ScimUserInput) =>
  input.displayName ?? input.name?.formatted ?? ([input.name?.givenName, input.name?.familyName].filter(Boolean).join(" ") || null);

/**
 * The account's name and profile follow a directory that owns the account. Only a real
 * change is written, so a directory resending the same user does not bump the
 * account's version (part of the resource's ETag).
 */
async function followDirectory(tx: Tx, user: User, input: ScimUserInput): Promise<void> {
  const name = accountNameOf(input);
  const profile = accountProfileOf(input);
  const wanted = { ...profile, phoneNumbers: profile.phoneNumbers ?? [] };
  if (name === user.name && isDeepStrictEqual(wanted, toProfilePublic(user))) return;
  await tx.user.update({ where: { id: user.id }, data: { name, ...profileColumns(profile), version: { increment: 1 } } });
}

export function assertAccountEmail(input: ScimUserInput): string {
  const email = accountEmailOf(input);
  if (!email) throw new ScimError("invalidValue", "Send a valid email address in emails, or a userName that is one.");
  return email;
}

/** userName is unique per directory regardless of case, externalId exactly (RFC 7643 §4.1, §3.1). */
export async function assertUniqueInDirectory(
  tx: Tx,
  caller: ScimCaller,
  fields: { userName: string; externalId: string | null },
  exceptUserId?: string,
) {
  const others = { organizationId: caller.organizationId, ...(exceptUserId ? { userId: { not: exceptUserId } } : {}) };
  const sameName = await tx.scimUser.count({ where: { ...others, userName: { equals: fields.userName, mode: "insensitive" } } });
  if (sameName > 0) throw new ScimError("uniqueness", `The userName "${fields.userName}" is already provisioned in this directory.`);
  if (fields.externalId === null) return;
  const sameExternal = await tx.scimUser.count({ where: { ...others, externalId: fields.externalId } });
  if (sameExternal > 0)
    throw new ScimError("uniqueness", `The externalId "${fields.externalId}" is already provisioned in this directory.`);
}

/** A provisioned user of the caller's organization, locked for the change; another organization's is not found. */
export async function getScimUserRow(tx: Tx, caller: ScimCaller, userId: string, expectedVersion?: string): Promise<ScimUserRow> {
  if (!idField.safeParse(userId).success) throw notFound("User");
  const row = await tx.scimUser.findFirst({
    where: { organizationId: caller.organizationId, userId, user: { deletedAt: null } },
    include: scimUserInclude(caller.organizationId),
  });
  if (!row) throw notFound("User");
  if (expectedVersion !== undefined && expectedVersion !== scimUserVersion(row)) throw staleVersion();
  return row;
}

/**
 * Replaces a provisioned user's attributes with `input` (PUT, and PATCH after its
 * operations are applied). The directory acts only on an account whose address is in its
 * organization's verified domains, and sends only such addresses. The account's own
 * email, name and profile follow the directory only when this directory made the account and it
 * is an ordinary user: a directory that merely linked an existing account, or one of an
 * administrator, does not rewrite it. A password is never taken from SCIM. Answers the
 * account's move to another address, if any, for the caller to tell the old one.
 */
export async function replaceScimUserRow(
  tx: Tx,
  caller: ScimCaller,
  row: ScimUserRow,
  input: ScimUserInput,
): Promise<AccountEmailChange | null> {
  const fields = directoryFields(input);
  const email = assertAccountEmail(input);
  await assertManagedAddress(tx, caller, row.user.email);
  await assertManagedAddress(tx, caller, email);
  await assertUniqueInDirectory(tx, caller, fields, row.userId);
  const ownsAccount = row.createdAccount && isDirectoryManageable(row.user);
  const moved = ownsAccount && email !== row.user.email ? await changeAccountEmail(tx, caller, row.user, email) : null;
  if (ownsAccount) await followDirectory(tx, row.user, input);
  const enterprise = await writeEnterprise(tx, { organizationId: caller.organizationId, userId: row.userId, data: enterpriseOf(input) });
  await writeScimAttributeValues(tx, caller, { userId: row.userId, input, creating: false });
  await tx.scimUser.update({
    where: { organizationId_userId: { organizationId: caller.organizationId, userId: row.userId } },
    data: { ...fields, version: { increment: 1 } },
  });
  await recordAuditEvent(tx, {
    action: "scim.user_updated",
    actor: scimAuditActor(caller),
    target: { type: "user", id: row.userId },
    organizationId: caller.organizationId,
    before: { ...storedFields(row), enterprise: enterprise.before },
    after: { ...fields, enterprise: enterprise.after },
  });
  const account = await tx.user.findUniqueOrThrow({ where: { id: row.userId } });
  const active = input.active ?? true;
  const wasActive = row.user.memberships.length > 0;
  if (active && !wasActive) await activateMember(tx, caller, account, row.createdAccount);
  if (!active && wasActive) await deactivateMember(tx, caller, account, row.createdAccount);
  return moved;
}
