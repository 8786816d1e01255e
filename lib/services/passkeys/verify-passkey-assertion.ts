import "server-only";
import { verifyAuthenticationResponse, type AuthenticationResponseJSON } from "@simplewebauthn/server";
import { db } from "@/lib/db";
import type { MfaFactor, User } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import type { AuthenticationResponseInput } from "@/lib/schemas/passkeys";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { recordRightGuess, recordWrongGuess, startGuess, type GuessSubject } from "@/lib/services/auth/guess-limits";
import { relyingParty } from "@/lib/services/passkeys/relying-party";
import type { SignInFailureReason } from "@/lib/audit/sign-in-failure-reasons";

export type AssertionCheck = {
  response: AuthenticationResponseInput;
  /** The challenge this answer must sign, as stored when the options were given. */
  challenge: string;
  /** The user who must answer, when a password already named them; null for a passwordless sign-in. */
  user: User | null;
  /** A passkey alone must also verify the person (PIN, biometrics); after a password, possession is enough. */
  requireUserVerification: boolean;
  purpose: GuessSubject["purpose"];
};

type Verified = { user: User; factorId: string };

/**
 * The one check of a passkey's answer, for sign-in with or without a password. Once the
 * account is known (the password named it, or the credential does) the answer draws on
 * the same limits as passwords, and a failure counts against that account. The library
 * checks challenge, origin, RP ID, signature and that the counter moved forward; the
 * stored counter is then moved by a conditional update, so two uses racing with one
 * counter value cannot both pass. Returns the user, or null (audited).
 */
export async function verifyPasskeyAssertion(check: AssertionCheck): Promise<Verified | null> {
  const factor = await passkeyOf(check);
  const user = check.user ?? factor?.user ?? null;
  const guess = user ? await startGuess({ email: user.email, user, purpose: check.purpose }) : null;

  const failure: SignInFailureReason | null = factor ? await failedCheck(check, factor) : "unknown_passkey";
  if (!failure) {
    if (guess) await recordRightGuess(guess);
    return { user: factor!.user, factorId: factor!.id };
  }
  // After a password the attempt is a wrong second factor; without one, a failed sign-in.
  const action = check.user ? "mfa.code_failed" : undefined;
  if (guess) await recordWrongGuess(guess, { reason: failure }, action);
  else await auditUnknownPasskey();
  return null;
}

async function passkeyOf({ response, user }: AssertionCheck) {
  const factor = await db().mfaFactor.findFirst({
    where: { credentialId: response.id, kind: "passkey", confirmedAt: { not: null } },
    include: { user: true },
  });
  if (!factor?.publicKey) return null;
  // After a password, only that account's passkeys answer for it.
  if (user && factor.userId !== user.id) return null;
  return factor;
}

/** Why the answer fails, or null when it holds and the counter was moved. */
async function failedCheck(
  { response, challenge, requireUserVerification }: AssertionCheck,
  factor: MfaFactor & { user: User },
): Promise<SignInFailureReason | null> {
  if (factor.user.status !== "active" || factor.user.deletedAt) return "account_disabled";
  // The authenticator names the account it holds the passkey for; it must be the passkey's owner.
  const handle = response.response.userHandle;
  if (handle && Buffer.from(handle, "base64url").toString("utf8") !== factor.userId) return "wrong_user_handle";
  const { rpID, origin } = relyingParty();
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response: response as AuthenticationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification,
      credential: {
        id: factor.credentialId!,
        publicKey: new Uint8Array(factor.publicKey!),
        counter: Number(factor.signCount ?? 0),
        transports: factor.transports,
      },
    });
    if (!verified) return "passkey_not_verified";
    const moved = await db().mfaFactor.updateMany({
      where: { id: factor.id, signCount: factor.signCount },
      data: { signCount: authenticationInfo.newCounter, lastUsedAt: new Date() },
    });
    return moved.count === 1 ? null : "passkey_used_concurrently";
  } catch (error) {
    // Malformed answers, a wrong challenge or origin, a bad signature, a counter that went back: all one refusal.
    logger.info({ err: error }, "passkey assertion refused");
    return "passkey_not_verified";
  }
}

/** A credential nobody registered here: no account to count it against, but it is still a failed sign-in. */
async function auditUnknownPasskey(): Promise<void> {
  await db().$transaction((tx) =>
    recordAuditEvent(tx, {
      action: "auth.sign_in_failed",
      actor: { id: null, email: null },
      target: { type: "user", id: null },
      after: { reason: "unknown_passkey" },
    }),
  );
}
