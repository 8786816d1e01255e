"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { blankAsMissing } from "@/lib/actions/form-data";
import { formAction, serverAction } from "@/lib/actions/server-action";
import { signOut } from "@/lib/session/auth";
import { returnToOwnSession, takeHeldSession } from "@/lib/session/impersonation-cookies";
import { asJsonText, authenticationResponseSchema } from "@/lib/schemas/passkeys";
import { passkeyProofFields, stepUpFields } from "@/lib/schemas/step-up";
import { endSession } from "@/lib/services/auth/end-session";
import { confirmIdentity } from "@/lib/services/auth/require-step-up";
import { stopImpersonation } from "@/lib/services/impersonation/stop-impersonation";
import { startPasskeyConfirmation } from "@/lib/services/passkeys/start-passkey-confirmation";

/**
 * Signing out works even when the session already ended elsewhere: it clears the cookie
 * either way. Signing out while viewing as a user ends the administrator's own session
 * too, so nothing of either stays behind in the browser.
 */
export const signOutAction = serverAction({ action: "auth.sign-out" }, async () => {
  const held = await takeHeldSession();
  if (held) await endSession(held);
  await signOut({ redirectTo: "/sign-in" });
});

/** The banner's "Stop viewing": ends the "view as" session and returns the administrator to the user's page, signed in as themselves. */
export const stopViewingAction = serverAction({ action: "view-as.stop" }, async ({ actor }) => {
  const { userId, impersonatorId } = await stopImpersonation({ actor });
  redirect((await returnToOwnSession(impersonatorId)) ? `/admin/users/${userId}` : "/sign-in");
});

const confirmationForm = z.object({
  password: z.preprocess(blankAsMissing, stepUpFields.password),
  otp: z.preprocess(blankAsMissing, stepUpFields.otp),
  recoveryCode: z.preprocess(blankAsMissing, stepUpFields.recoveryCode),
  passkeyChallenge: z.preprocess(blankAsMissing, passkeyProofFields.passkeyChallenge),
  // The browser hands the passkey's answer over as JSON text, as a form field.
  passkeyResponse: z.preprocess(blankAsMissing, asJsonText(authenticationResponseSchema).optional()),
});

/** The confirmation dialog's "Use a passkey": a challenge for the caller's own passkeys, for this session. */
export const startPasskeyConfirmationAction = serverAction({ action: "me.verify.passkey-options" }, async ({ actor }) =>
  startPasskeyConfirmation({ actor }),
);

/** The confirmation dialog of sensitive actions (step-up): one proof, then the action is sent again. */
export const confirmIdentityAction = formAction({ action: "me.verify", schema: confirmationForm }, async ({ actor, input }) => {
  await confirmIdentity({ actor, proof: input });
  return { success: "Confirmed." };
});
