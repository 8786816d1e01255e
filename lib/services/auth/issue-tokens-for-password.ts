import "server-only";
import type { ApiScope } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import { openApiSession } from "@/lib/services/auth/open-api-session";
import { startPendingSignIn } from "@/lib/services/auth/pending-sign-in";
import type { TokenGrant } from "@/lib/services/auth/token-grant";
import { verifyCredentials } from "@/lib/services/auth/verify-credentials";
import { hasSecondFactor } from "@/lib/services/mfa/find-factors";

type PasswordGrantOptions = { email: string; password: string; scopes: ApiScope[]; clientId: string };

/** The password was right but the account has a second factor: the client must send a code with this token. */
export type SecondFactorChallenge = { mfaToken: string; expiresAt: Date };

/**
 * The OAuth password grant (RFC 6749 §4.3): the same credential check, rate limits and
 * lockout as the browser, then an API session whose id every access token names. For
 * an account with a second factor the password opens nothing: the answer is a
 * short-lived, single-use `mfa_token` that remembers the client and the scopes asked
 * for, to be exchanged with a code (issue-tokens-for-second-factor.ts).
 */
export async function issueTokensForPassword({
  email,
  password,
  scopes,
  clientId,
}: PasswordGrantOptions): Promise<TokenGrant | SecondFactorChallenge> {
  const user = await verifyCredentials({ email, password });
  if (await hasSecondFactor(user.id)) {
    const { secret, expiresAt } = await startPendingSignIn({ purpose: "oauth", userId: user.id, clientId, scopes });
    return { mfaToken: secret, expiresAt };
  }
  return db().$transaction((tx) => openApiSession(tx, { user, scopes, clientId, grantType: "password", verifiedWith: "password" }));
}
