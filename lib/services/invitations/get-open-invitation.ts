import "server-only";
import type { Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";

/** An invitation of this organization that was neither accepted nor revoked. */
export async function getOpenInvitation(tx: Tx, { organizationId, invitationId }: { organizationId: string; invitationId: string }) {
  const invitation = idField.safeParse(invitationId).success
    ? await tx.invitation.findFirst({ where: { id: invitationId, organizationId }, include: { role: true } })
    : null;
  if (!invitation) throw notFound("Invitation");
  if (invitation.acceptedAt || invitation.revokedAt) {
    throw new AppError("conflict", `The invitation was already ${invitation.acceptedAt ? "accepted" : "revoked"}.`);
  }
  return invitation;
}
