import "server-only";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { PasskeySignInRefused } from "@/lib/auth/passkey-sign-in";
import { AppError } from "@/lib/errors";

type PasskeyCredentials = ({ passkeyChallenge: string } | { pendingSignIn: string }) & { passkeyResponse: string };

/**
 * Finishes a passkey sign-in from a server action: Auth.js checks the answer through the
 * credentials provider (authorizeWithPasskey), sets the session cookie and redirects,
 * which passes through; a refusal comes back as the service's AppError, for the form.
 */
export async function completePasskeySignIn(credentials: PasskeyCredentials, redirectTo: string): Promise<void> {
  try {
    await signIn("credentials", { ...credentials, redirectTo });
  } catch (error) {
    if (error instanceof PasskeySignInRefused) throw new AppError(error.reason, error.detail);
    if (error instanceof AuthError) throw new AppError("unauthorized", "The passkey was not accepted.");
    throw error;
  }
}
