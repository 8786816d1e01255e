import "server-only";
import { hashNewPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { InvitationSignUp } from "@/lib/schemas/organization";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { claimInvitation, invitationUnusable } from "@/lib/services/invitations/claim-invitation";
import { findInvitationByToken } from "@/lib/services/invitations/find-invitation-by-token";
import { joinByInvitation } from "@/lib/services/invitations/join-by-invitation";
import { toUserPublic } from "@/lib/services/users/to-user-public";

/**
 * Someone without an account accepts: the account is created with the invited address,
 * already verified (the link arrived there), and joins the organization. Returns the
 * email so the caller can sign the person in with the password they chose.
 */
export async function acceptInvitationAsNewUser({ token, data }: { token: string; data: InvitationSignUp }): Promise<{ email: string }> {
  // The password policy needs the address, known only from the invitation; hashing stays
  // outside the transaction, which the claim below makes safe against a second use.
  const invited = await findInvitationByToken({ token });
  if (!invited) throw invitationUnusable();
  const passwordHash = await hashNewPassword({ password: data.password, email: invited.email, field: "password" });
  return db().$transaction(async (tx) => {
    const invitation = await claimInvitation(tx, token);
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw new AppError("conflict", "An account with this email already exists; sign in to accept the invitation.");
    }
    const user = await tx.user.create({
      data: { email: invitation.email, name: data.name, passwordHash, emailVerified: new Date() },
    });
    await recordAuditEvent(tx, {
      action: "user.created",
      actor: { id: user.id, email: user.email },
      target: { type: "user", id: user.id },
      after: toUserPublic(user),
    });
    await joinByInvitation(tx, { invitation, user });
    return { email: user.email };
  });
}
