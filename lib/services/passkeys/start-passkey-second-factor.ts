import "server-only";
import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findPendingSignIn } from "@/lib/services/auth/pending-sign-in";
import { ceremonyTimeoutMs, relyingParty } from "@/lib/services/passkeys/relying-party";

export const pendingSignInExpired = () => new AppError("unauthorized", "This sign-in has expired. Sign in again.");

/**
 * Offers the passkey as the second step of a browser sign-in whose password was right:
 * a challenge only this user's passkeys may answer, stored on the pending sign-in
 * (asking again replaces it). The pending sign-in's secret comes from its cookie.
 */
export async function startPasskeySecondFactor({
  pendingSignIn,
}: {
  pendingSignIn: string;
}): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const pending = await findPendingSignIn(pendingSignIn, "browser");
  if (!pending?.userId) throw pendingSignInExpired();
  const passkeys = await db().mfaFactor.findMany({
    where: { userId: pending.userId, kind: "passkey", confirmedAt: { not: null }, credentialId: { not: null } },
    select: { credentialId: true, transports: true },
  });
  if (passkeys.length === 0) throw new AppError("conflict", "This account has no passkey. Use another way to sign in.");
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    timeout: ceremonyTimeoutMs,
    allowCredentials: passkeys.map((passkey) => ({ id: passkey.credentialId!, transports: passkey.transports })),
    // The password was the first factor; holding the passkey is the second.
    userVerification: "discouraged",
  });
  await db().pendingSignIn.update({ where: { id: pending.id }, data: { challenge: options.challenge } });
  return options;
}
