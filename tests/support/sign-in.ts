import type { SignInInput } from "@/lib/schemas/auth";
import { signInWithPassword, type SignInResult } from "@/lib/services/auth/sign-in-with-password";

/** Signs in a user without a second factor; fails the test if the password alone was not enough. */
export async function signInForSession(input: SignInInput): Promise<SignInResult> {
  const result = await signInWithPassword(input);
  if ("pendingSignIn" in result) throw new Error(`${input.email} has a second factor; the password alone opens no session.`);
  return result;
}
