import "server-only";
import { parseScopes } from "@/lib/auth/access-token";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { openApiSession } from "@/lib/services/auth/open-api-session";
import { claimPendingAttempt, consumePendingSignIn, findPendingSignIn } from "@/lib/services/auth/pending-sign-in";
import type { TokenGrant } from "@/lib/services/auth/token-grant";
import { checkSecondFactor, type CodeProof } from "@/lib/services/mfa/check-second-factor";

type SecondFactorGrantOptions = {
  mfaToken: string;
  proof: CodeProof;
  /** The client_id sent with the code, if any; it must be the one the password was sent with. */
  clientId: string | undefined;
};

const invalidGrant = (message: string) => new AppError("unauthorized", message);
const unusableToken = () => invalidGrant("The mfa_token is invalid, expired or already used; send the password again.");

/**
 * The second half of the password grant for an account with a second factor
 * (`urn:usermanager:params:oauth:grant-type:mfa-otp`): the `mfa_token` from the first
 * half and a code from the authenticator app or a recovery code. The code is checked on
 * the same limits as passwords, and each wrong one also counts against the token, which
 * dies after a few. A right code spends the token, once, and opens the API session with
 * the client and scopes the password was sent with, marked as verified by a second factor.
 */
export async function issueTokensForSecondFactor({ mfaToken, proof, clientId }: SecondFactorGrantOptions): Promise<TokenGrant> {
  const pending = await findPendingSignIn(mfaToken, "oauth");
  if (!pending?.user) throw unusableToken();
  const remembered = pending.clientId ?? undefined;
  if (clientId !== undefined && clientId !== remembered) throw invalidGrant("The mfa_token was issued to another client_id.");
  const scopes = parseScopes(pending.scopes.join(" "));
  if (!scopes?.length) throw unusableToken();

  const user = pending.user;
  if (!(await claimPendingAttempt(pending.id))) throw unusableToken();
  const used = await checkSecondFactor(user, proof, "sign_in");
  if (!used) throw invalidGrant("otp" in proof ? "The code is not valid." : "The recovery code is not valid.");
  const grant = await db().$transaction(async (tx) => {
    // A second request with the same token may have won meanwhile: the token works once.
    if (!(await consumePendingSignIn(tx, pending.id))) return null;
    return openApiSession(tx, {
      user,
      scopes,
      clientId: remembered ?? "unregistered",
      grantType: "mfa-otp",
      verifiedWith: "second_factor",
      secondFactor: used,
    });
  });
  if (!grant) throw unusableToken();
  return grant;
}
