"use server";

import { z } from "zod";
import { serverAction } from "@/lib/actions/server-action";
import { completePasskeySignIn } from "@/lib/session/complete-passkey-sign-in";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { passkeyChallengeField } from "@/lib/schemas/passkeys";
import { startPasskeySignIn } from "@/lib/services/passkeys/start-passkey-sign-in";

const callbackUrl = z.unknown().transform((candidate) => safeRedirectPath(candidate));
// The component is shared with the second step, which has no handle to send; here one is required.
const passkeyChallenge = z.string().optional().pipe(passkeyChallengeField);

export const startPasskeySignInAction = serverAction({ action: "auth.sign-in" }, async () => startPasskeySignIn({ purpose: "browser" }));

export const completePasskeySignInAction = serverAction(
  {
    action: "auth.sign-in",
    schema: z.object({ passkeyChallenge, passkeyResponse: z.string().max(100_000), callbackUrl }),
  },
  async ({ input: { callbackUrl, ...credentials } }) => completePasskeySignIn(credentials, callbackUrl),
);
