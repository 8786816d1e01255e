"use server";

import { redirect } from "next/navigation";
import { fieldErrorsOf } from "@/lib/http/problem";
import { signIn } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { runFormAction, type OrgFormState } from "@/components/organizations/run-form-action";
import { invitationSignUpSchema } from "@/lib/schemas/organization";
import { acceptInvitation } from "@/lib/services/invitations/accept-invitation";
import { acceptInvitationAsNewUser } from "@/lib/services/invitations/accept-invitation-as-new-user";

export async function acceptInvitationAction(_previous: OrgFormState, formData: FormData): Promise<OrgFormState> {
  let slug: string | undefined;
  const state = await runFormAction(async (actor) => {
    slug = (await acceptInvitation({ actor, token: String(formData.get("token") ?? "") })).slug;
  });
  if (state.done && slug) redirect(`/orgs/${slug}`);
  return state;
}

/** Creates the account the invitation is for, then signs in with it like the sign-in form does. */
export async function signUpWithInvitationAction(_previous: OrgFormState, formData: FormData): Promise<OrgFormState> {
  const values = { name: String(formData.get("name") ?? "") };
  const parsed = invitationSignUpSchema.safeParse({ name: values.name, password: formData.get("password") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  let email: string;
  try {
    ({ email } = await acceptInvitationAsNewUser({ token: String(formData.get("token") ?? ""), data: parsed.data }));
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, values };
    throw error;
  }
  await signIn("credentials", { email, password: parsed.data.password, redirectTo: "/orgs" });
  redirect("/orgs");
}
