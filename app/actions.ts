"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { blankAsMissing } from "@/lib/actions/form-data";
import { formAction, serverAction } from "@/lib/actions/server-action";
import { signOut } from "@/lib/auth/auth";
import { returnToOwnSession, takeHeldSession } from "@/lib/auth/impersonation-cookies";
import { stepUpFields } from "@/lib/schemas/step-up";
import { endSession } from "@/lib/services/auth/end-session";
import { confirmIdentity } from "@/lib/services/auth/require-step-up";
import { stopImpersonation } from "@/lib/services/impersonation/stop-impersonation";

/**
 * Signing out works even when the session already ended elsewhere: it clears the cookie
 * either way. Signing out while viewing as a user ends the administrator's own session
 * too, so nothing of either stays behind in the browser.
 */
export const signOutAction = serverAction({ authenticated: false }, async () => {
  const held = await takeHeldSession();
  if (held) await endSession(held);
  await signOut({ redirectTo: "/sign-in" });
});

/** The banner's "Stop viewing": ends the "view as" session and returns the administrator to the user's page, signed in as themselves. */
export const stopViewingAction = serverAction({}, async ({ actor }) => {
  const { userId, impersonatorId } = await stopImpersonation({ actor });
  redirect((await returnToOwnSession(impersonatorId)) ? `/admin/users/${userId}` : "/sign-in");
});

const confirmationForm = z.object({
  password: z.preprocess(blankAsMissing, stepUpFields.password),
  otp: z.preprocess(blankAsMissing, stepUpFields.otp),
  recoveryCode: z.preprocess(blankAsMissing, stepUpFields.recoveryCode),
});

/** The confirmation dialog of sensitive actions (step-up): one proof, then the action is sent again. */
export const confirmIdentityAction = formAction({ schema: confirmationForm }, async ({ actor, input }) => {
  await confirmIdentity({ actor, proof: input });
  return { success: "Confirmed." };
});
