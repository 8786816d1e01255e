import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { OrganizationPublic } from "@/lib/schemas/organization";
import { claimInvitation } from "@/lib/services/invitations/claim-invitation";
import { joinByInvitation } from "@/lib/services/invitations/join-by-invitation";
import { toOrganizationPublic } from "@/lib/services/organizations/to-organization-public";

/** The signed-in user accepts an invitation sent to their own email address. */
export async function acceptInvitation({ actor, token }: { actor: Actor; token: string }): Promise<OrganizationPublic> {
  if (actor.organizationId !== null) throw new AppError("forbidden", "This token is restricted to one organization.");
  return db().$transaction(async (tx) => {
    const invitation = await claimInvitation(tx, token);
    if (invitation.email !== actor.email) {
      throw new AppError("forbidden", `This invitation is for ${invitation.email}; sign in with that address to accept it.`);
    }
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId } });
    await joinByInvitation(tx, { invitation, user });
    return toOrganizationPublic(invitation.organization);
  });
}
