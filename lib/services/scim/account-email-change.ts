import "server-only";
import type { Tx } from "@/lib/db";
import { emailChangedMail } from "@/lib/mail/messages";
import { ScimError } from "@/lib/scim/scim-error";
import { revokeUserTokens } from "@/lib/services/api-tokens/revoke-user-tokens";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { sendMail } from "@/lib/services/mail/send-mail";
import { scimAuditActor, type ScimCaller } from "@/lib/services/scim/scim-caller";
import { endProviderSessions } from "@/lib/services/oidc/end-provider-sessions";

/** An address a directory moved an account from, and to, for telling the old address after the commit. */
export type AccountEmailChange = { from: string; to: string };

/**
 * Moves an account the directory made to another address of its verified domains. The
 * person did not ask for it, and whoever reads the new mailbox can now reset the
 * password, so nothing from before keeps working: every session ends, personal access
 * tokens are revoked, and links mailed to the old address (resets, confirmations) die.
 */
export async function changeAccountEmail(
  tx: Tx,
  caller: ScimCaller,
  account: { id: string; email: string },
  email: string,
): Promise<AccountEmailChange> {
  if ((await tx.user.count({ where: { email } })) > 0)
    throw new ScimError("uniqueness", "Another account already uses this email address.");
  await tx.user.update({ where: { id: account.id }, data: { email, version: { increment: 1 } } });
  const { count: sessionsEnded } = await tx.session.deleteMany({ where: { userId: account.id } });
  await endProviderSessions(tx, { userId: account.id, reason: "sign-out-everywhere" });
  const apiCredentialsRevoked = await revokeUserTokens(tx, account.id);
  await tx.oneTimeToken.deleteMany({ where: { userId: account.id, usedAt: null } });
  await recordAuditEvent(tx, {
    action: "user.email_changed",
    actor: scimAuditActor(caller),
    target: { type: "user", id: account.id },
    organizationId: caller.organizationId,
    before: { email: account.email },
    // Not "tokensRevoked": the audit log redacts every key that looks like a secret.
    after: { email, sessionsEnded, apiCredentialsRevoked },
  });
  return { from: account.email, to: email };
}

/** Tells the old address that the account moved, as a change the person makes does, so an unexpected move is noticed. */
export async function tellPreviousAddress(change: AccountEmailChange | null): Promise<void> {
  if (change) await sendMail({ to: change.from, mail: emailChangedMail({ newEmail: change.to }) });
}
