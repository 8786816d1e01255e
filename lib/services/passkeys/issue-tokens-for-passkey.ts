import "server-only";
import { parseScopes } from "@/lib/auth/access-token";
import { apiScopes } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PasskeyTokenRequest } from "@/lib/schemas/passkeys";
import { requireVerifiedEmailOf } from "@/lib/services/auth/require-verified-email";
import { openApiSession } from "@/lib/services/auth/open-api-session";
import { claimPendingAttempt, consumePendingSignIn, findPendingSignIn } from "@/lib/services/auth/pending-sign-in";
import type { TokenGrant } from "@/lib/services/auth/token-grant";
import { passkeyRefused } from "@/lib/services/passkeys/sign-in-with-passkey";
import { verifyPasskeyAssertion } from "@/lib/services/passkeys/verify-passkey-assertion";

const unnamedClient = "unregistered";

/**
 * Passwordless sign-in for API clients: the answer to a challenge from
 * `startPasskeySignIn({ purpose: "oauth" })` opens an API session and returns the same
 * tokens as the password grant. The passkey must have verified the person (it stands for
 * both factors). Failures count as they do in the browser.
 */
export async function issueTokensForPasskey({ passkeyChallenge, response, scope, clientId }: PasskeyTokenRequest): Promise<TokenGrant> {
  const scopes = scope?.trim() ? parseScopes(scope) : [...apiScopes];
  if (!scopes) {
    throw new AppError("validation_failed", "The request has invalid fields.", {
      fieldErrors: [{ field: "scope", message: `Known scopes are: ${apiScopes.join(", ")}.` }],
    });
  }
  const pending = await findPendingSignIn(passkeyChallenge, "oauth");
  if (!pending?.challenge || pending.userId !== null || !(await claimPendingAttempt(pending.id))) {
    throw new AppError("unauthorized", "The passkey challenge is unknown, used or expired. Ask for new options.");
  }
  const verified = await verifyPasskeyAssertion({
    response,
    challenge: pending.challenge,
    user: null,
    requireUserVerification: true,
    purpose: "sign_in",
  });
  if (!verified) throw passkeyRefused();
  requireVerifiedEmailOf(verified.user);
  return db().$transaction(async (tx) => {
    if (!(await consumePendingSignIn(tx, pending.id))) throw passkeyRefused();
    const grant = { scopes, clientId: clientId || unnamedClient, grantType: "passkey" as const, verifiedWith: "second_factor" as const };
    return openApiSession(tx, { user: verified.user, ...grant });
  });
}
