"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/server-action";
import { idField } from "@/lib/schemas/fields";
import { invitationCreateSchema } from "@/lib/schemas/organization";
import { createInvitation } from "@/lib/services/invitations/create-invitation";
import { resendInvitation } from "@/lib/services/invitations/resend-invitation";
import { revokeInvitation } from "@/lib/services/invitations/revoke-invitation";

const invitationForm = z.object({ organizationId: idField, invitationId: idField });

export const inviteAction = formAction(
  { action: "invitations.create", schema: invitationCreateSchema.extend({ organizationId: idField }) },
  async ({ actor, input: { organizationId, ...data } }) => {
    await createInvitation({ actor, organizationId, data });
    revalidatePath("/orgs", "layout");
    return { success: `An invitation was sent to ${data.email}.` };
  },
);

export const resendInvitationAction = formAction({ action: "invitations.resend", schema: invitationForm }, async ({ actor, input }) => {
  await resendInvitation({ actor, ...input });
  revalidatePath("/orgs", "layout");
  return { success: "A new link was sent." };
});

export const revokeInvitationAction = formAction({ action: "invitations.revoke", schema: invitationForm }, async ({ actor, input }) => {
  await revokeInvitation({ actor, ...input });
  revalidatePath("/orgs", "layout");
  return { success: "The invitation was revoked." };
});
