import "server-only";
import { generateAuthenticationOptions } from "@simplewebauthn/server";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { startPendingSignIn } from "@/lib/services/auth/pending-sign-in";
import { noSessionToConfirm } from "@/lib/services/auth/require-step-up";
import { ceremonyTimeoutMs, relyingParty } from "@/lib/services/passkeys/relying-party";
import type { PasskeySignInStart } from "@/lib/services/passkeys/start-passkey-sign-in";

/**
 * Starts confirming who the signed-in caller is with a passkey (step-up): a challenge only
 * the caller's own passkeys may answer, kept as a `step_up` pending sign-in of this user
 * and this session, for a few minutes and one answer (`confirmIdentity` checks it). Asking
 * again replaces the session's earlier challenge, so a session holds at most one.
 */
export async function startPasskeyConfirmation({ actor }: { actor: Actor }): Promise<PasskeySignInStart> {
  const sessionId = actor.sessionId;
  if (!sessionId) throw noSessionToConfirm();
  const passkeys = await db().mfaFactor.findMany({
    where: { userId: actor.userId, kind: "passkey", confirmedAt: { not: null }, credentialId: { not: null } },
    select: { credentialId: true, transports: true },
  });
  if (passkeys.length === 0)
    throw new AppError("conflict", "Your account has no passkey. Confirm with a code from your app or a recovery code.");
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    timeout: ceremonyTimeoutMs,
    allowCredentials: passkeys.map((passkey) => ({ id: passkey.credentialId!, transports: passkey.transports })),
    // The passkey alone stands for the person here, as in a passwordless sign-in: a touch on a
    // key left in an unlocked computer must not confirm a session left open on it.
    userVerification: "required",
  });
  const { secret } = await db().$transaction(async (tx) => {
    await tx.pendingSignIn.deleteMany({ where: { sessionId, purpose: "step_up" } });
    return startPendingSignIn({ purpose: "step_up", userId: actor.userId, sessionId, challenge: options.challenge }, tx);
  });
  return { passkeyChallenge: secret, options };
}
