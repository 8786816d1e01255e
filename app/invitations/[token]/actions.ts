"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/server-action";
import { signIn } from "@/lib/session/auth";
import { linkTokenField } from "@/lib/schemas/auth-email";
import { invitationSignUpSchema } from "@/lib/schemas/organization";
import { acceptInvitation } from "@/lib/services/invitations/accept-invitation";
import { acceptInvitationAsNewUser } from "@/lib/services/invitations/accept-invitation-as-new-user";

export const acceptInvitationAction = formAction(
  { action: "invitations.accept", schema: z.object({ token: linkTokenField }) },
  async ({ actor, input }) => {
    const { slug } = await acceptInvitation({ actor, token: input.token });
    redirect(`/orgs/${slug}`);
  },
);

/** Creates the account the invitation is for, then signs in with it like the sign-in form does. */
export const signUpWithInvitationAction = formAction(
  { action: "invitations.sign-up", schema: invitationSignUpSchema.strip().extend({ token: linkTokenField }) },
  async ({ input: { token, ...data } }) => {
    const { email } = await acceptInvitationAsNewUser({ token, data });
    await signIn("credentials", { email, password: data.password, redirectTo: "/orgs" });
    redirect("/orgs");
  },
);
