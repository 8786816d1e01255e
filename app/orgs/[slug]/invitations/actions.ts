"use server";

import { revalidatePath } from "next/cache";
import { runFormAction, type OrgFormState } from "@/components/organizations/run-form-action";
import { invitationCreateSchema } from "@/lib/schemas/organization";
import { createInvitation } from "@/lib/services/invitations/create-invitation";
import { resendInvitation } from "@/lib/services/invitations/resend-invitation";
import { revokeInvitation } from "@/lib/services/invitations/revoke-invitation";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export async function inviteAction(_previous: OrgFormState, formData: FormData): Promise<OrgFormState> {
  const values = { email: field(formData, "email"), role: field(formData, "role") };
  return runFormAction(async (actor) => {
    await createInvitation({ actor, organizationId: field(formData, "organizationId"), data: invitationCreateSchema.parse(values) });
    revalidatePath("/orgs", "layout");
    return `An invitation was sent to ${values.email}.`;
  }, values);
}

export async function resendInvitationAction(_previous: OrgFormState, formData: FormData): Promise<OrgFormState> {
  return runFormAction(async (actor) => {
    await resendInvitation({ actor, organizationId: field(formData, "organizationId"), invitationId: field(formData, "invitationId") });
    revalidatePath("/orgs", "layout");
    return "A new link was sent.";
  });
}

export async function revokeInvitationAction(_previous: OrgFormState, formData: FormData): Promise<OrgFormState> {
  return runFormAction(async (actor) => {
    await revokeInvitation({ actor, organizationId: field(formData, "organizationId"), invitationId: field(formData, "invitationId") });
    revalidatePath("/orgs", "layout");
    return "The invitation was revoked.";
  });
}
