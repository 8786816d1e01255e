import "server-only";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";

export type InvitationPreview = { email: string; organizationName: string; roleName: string; hasAccount: boolean };

/** What the invitation page shows before accepting; null for a link that no longer works. */
export async function findInvitationByToken({ token }: { token: string }): Promise<InvitationPreview | null> {
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { organization: true, role: true },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) return null;
  if (invitation.organization.deletedAt) return null;
  const account = await db().user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    email: invitation.email,
    organizationName: invitation.organization.name,
    roleName: invitation.role.name,
    hasAccount: account !== null,
  };
}
