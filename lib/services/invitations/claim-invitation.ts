import "server-only";
import { hashToken } from "@/lib/auth/tokens";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const invitationUnusable = () =>
  new AppError("not_found", "This invitation link is not valid: it was used, revoked or replaced, or it has expired.");

/**
 * Marks the invitation behind a link as accepted, once: of two concurrent uses only the
 * first changes the row, the second finds it taken. Returns it with its organization and role.
 */
export async function claimInvitation(tx: Tx, token: string) {
  const now = new Date();
  const invitation = await tx.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { organization: true, role: true },
  });
  if (!invitation || invitation.organization.deletedAt) throw invitationUnusable();
  const { count } = await tx.invitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  if (count === 0) throw invitationUnusable();
  return invitation;
}
