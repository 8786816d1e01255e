import "server-only";
import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { config } from "@/lib/config";
import type { PendingSignInPurpose } from "@/lib/generated/prisma/enums";
import { currentRequestContext } from "@/lib/request-context";
import { startPendingSignIn } from "@/lib/services/auth/pending-sign-in";
import { ceremonyTimeoutMs, relyingParty } from "@/lib/services/passkeys/relying-party";
import { addressLimitKey } from "@/lib/services/rate-limit/address-limit-key";
import { enforceRateLimits } from "@/lib/services/rate-limit/consume-rate-limit";

export type PasskeySignInStart = {
  /** The handle the answer is sent back with; it names the stored challenge, and works once. */
  passkeyChallenge: string;
  options: PublicKeyCredentialRequestOptionsJSON;
};

/**
 * Starts a passwordless sign-in: a challenge any of this site's passkeys may answer (no
 * account is named, so the browser offers the passkeys it holds), kept as a pending
 * sign-in without a user. "browser" challenges end in a session cookie, "oauth" ones in
 * tokens, and neither can be spent as the other. Anyone may ask, so each address may
 * ask as often as it may try passwords.
 */
export async function startPasskeySignIn({ purpose }: { purpose: PendingSignInPurpose }): Promise<PasskeySignInStart> {
  const address = addressLimitKey(currentRequestContext()?.ip);
  const { RATE_LIMIT_SIGN_IN_PER_IP: limit, RATE_LIMIT_SIGN_IN_WINDOW_SECONDS: windowSeconds } = config();
  if (address) await enforceRateLimits([{ key: `passkey-sign-in:ip:${address}`, limit, windowSeconds }]);

  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    timeout: ceremonyTimeoutMs,
    // Without a password, the passkey is both factors: the authenticator must verify the person.
    userVerification: "required",
  });
  const { secret } = await startPendingSignIn({ purpose, userId: null, challenge: options.challenge });
  return { passkeyChallenge: secret, options };
}
