import "server-only";
import { verifyRegistrationResponse, type RegistrationResponseJSON } from "@simplewebauthn/server";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { RegistrationResponseInput } from "@/lib/schemas/passkeys";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import type { PublicFactor } from "@/lib/services/mfa/find-factors";
import { mailSignInMethods } from "@/lib/services/mfa/mail-sign-in-methods";
import { relyingParty } from "@/lib/services/passkeys/relying-party";

const notVerified = () =>
  new AppError("validation_failed", "The request has invalid fields.", {
    fieldErrors: [{ field: "response", message: "The passkey could not be verified. Start again and use the same device." }],
  });

/**
 * Finishes adding a passkey: the browser's answer must sign the challenge this user was
 * given, for this site's origin and RP ID. The credential is stored with its public key
 * and counter under the name its owner chose, and counts as a second factor at once. The
 * challenge works once: a second answer to it finds nothing.
 */
export async function finishPasskeyRegistration({
  actor,
  name,
  response,
}: {
  actor: Actor;
  name: string;
  response: RegistrationResponseInput;
}): Promise<PublicFactor> {
  const registration = await db().passkeyRegistration.findFirst({
    where: { userId: actor.userId, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
  });
  if (!registration) throw new AppError("conflict", "No passkey registration is waiting; start again.");

  const credential = await verifiedCredential(response, registration.challenge);
  if (await db().mfaFactor.count({ where: { credentialId: credential.id } })) {
    throw new AppError("conflict", "This passkey is already registered.");
  }
  const passkey = await db().$transaction(async (tx) => {
    const spent = await tx.passkeyRegistration.deleteMany({ where: { id: registration.id } });
    if (spent.count !== 1) throw new AppError("conflict", "This registration was already used; start again.");
    const factor = await tx.mfaFactor.create({
      data: {
        userId: actor.userId,
        kind: "passkey",
        name,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        signCount: credential.counter,
        transports: credential.transports ?? [],
        confirmedAt: new Date(),
      },
    });
    await recordAuditEvent(tx, {
      action: "mfa.passkey_registered",
      actor,
      target: { type: "user", id: actor.userId },
      after: { factorId: factor.id, name },
    });
    return { id: factor.id, kind: "passkey" as const, name: factor.name, createdAt: factor.createdAt, lastUsedAt: factor.lastUsedAt };
  });
  await mailSignInMethods({ userId: actor.userId, notice: { change: "added", method: passkey } });
  return passkey;
}

/** The library's checks; any way the answer is wrong (malformed, wrong challenge, origin or key) is one 422. */
async function verifiedCredential(response: RegistrationResponseInput, challenge: string) {
  const { rpID, origin } = relyingParty();
  try {
    const result = await verifyRegistrationResponse({
      response: response as RegistrationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      // A passkey without user verification still proves possession, which is what a second factor needs.
      requireUserVerification: false,
    });
    if (result.verified) return result.registrationInfo.credential;
  } catch (error) {
    logger.info({ err: error }, "passkey registration refused");
  }
  throw notVerified();
}
