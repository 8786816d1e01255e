import "server-only";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/session/auth";
import { PasskeySignInRefused } from "@/lib/session/passkey-sign-in";
import { rememberSignedInDevice } from "@/lib/session/remember-device";
import { AppError } from "@/lib/errors";

type PasskeyCredentials = ({ passkeyChallenge: string } | { pendingSignIn: string }) & { passkeyResponse: string };

/**
 * Finishes a passkey sign-in from a server action: Auth.js checks the answer through the
 * credentials provider (authorizeWithPasskey) and sets the session cookie; the browser
 * then gets its device cookie and is sent on. A refusal comes back as the service's
 * AppError, for the form.
 */
export async function completePasskeySignIn(credentials: PasskeyCredentials, redirectTo: string): Promise<void> {
  try {
    await signIn("credentials", { ...credentials, redirect: false });
  } catch (error) {
    if (error instanceof PasskeySignInRefused) throw new AppError(error.reason, error.detail);
    if (error instanceof AuthError) throw new AppError("unauthorized", "The passkey was not accepted.");
    throw error;
  }
  await rememberSignedInDevice();
  redirect(redirectTo);
}
