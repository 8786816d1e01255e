"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/server-action";
import { AppError } from "@/lib/errors";
import { findPendingInteraction, finishInteraction, grantRequested } from "@/lib/oidc/interactions";
import { recordConsent } from "@/lib/services/oidc/record-application-sign-in";
import { signOut } from "@/lib/session/auth";

const interactionForm = z.object({ uid: z.string().min(1).max(100) });
const expired = () =>
  new AppError("not_found", "This sign-in request has expired or was already used. Go back to the application and start again.");

/** "Allow" or "Don't allow" on the consent page: the grant of what was asked, or the application told the person refused. */
export const consentAction = formAction(
  { action: "oidc.interaction.consent", schema: interactionForm.extend({ decision: z.enum(["allow", "deny"]) }) },
  async ({ actor, input: { uid, decision } }) => {
    const interaction = await findPendingInteraction(uid);
    if (!interaction || interaction.prompt.name !== "consent") throw expired();
    const grantId = decision === "allow" ? await grantRequested(interaction, actor.userId) : null;
    await recordConsent({ actor, clientId: interaction.client.clientId, grantId, scope: interaction.params.scope });
    redirect(
      await finishInteraction(
        uid,
        grantId ? { consent: { grantId } } : { error: "access_denied", error_description: "The person did not allow the request." },
      ),
    );
  },
);

/** "Cancel": the application hears that the person refused, and nothing is granted. */
export const cancelInteractionAction = formAction(
  { action: "oidc.interaction.cancel", schema: interactionForm },
  async ({ input: { uid } }) => {
    if (!(await findPendingInteraction(uid))) throw expired();
    redirect(await finishInteraction(uid, { error: "access_denied", error_description: "The person cancelled the sign-in." }));
  },
);

/** "Use another account": signs this browser out, then back in, and on to the application. */
export const switchAccountAction = formAction({ action: "auth.sign-out", schema: interactionForm }, async ({ input: { uid } }) => {
  await signOut({ redirectTo: `/sign-in?callbackUrl=${encodeURIComponent(`/interaction/${uid}`)}` });
});
