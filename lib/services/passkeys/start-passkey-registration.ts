import "server-only";
import { generateRegistrationOptions, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { ceremonyTimeoutMs, relyingParty, relyingPartyName } from "@/lib/services/passkeys/relying-party";

/** A registration not finished within this time must start again with a new challenge. */
export const registrationMinutes = 5;

/**
 * Starts adding a passkey for the signed-in user: the options the browser passes to
 * navigator.credentials.create(), with a new challenge stored for this user only.
 * Starting again replaces an unfinished registration. The user's own passkeys are
 * excluded, so one authenticator is not registered twice. A resident key is required,
 * so the passkey can later sign in on its own, without the email being typed.
 */
export async function startPasskeyRegistration({ actor }: { actor: Actor }): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const user = await db().user.findFirst({ where: { id: actor.userId, deletedAt: null }, select: { id: true, email: true, name: true } });
  if (!user) throw notFound("User");
  const existing = await db().mfaFactor.findMany({
    where: { userId: user.id, kind: "passkey", credentialId: { not: null } },
    select: { credentialId: true, transports: true },
  });
  const { rpID } = relyingParty();
  const options = await generateRegistrationOptions({
    rpName: relyingPartyName,
    rpID,
    // The user handle is the account id, never the email, which can change and would leak to the authenticator's list.
    userID: new TextEncoder().encode(user.id),
    userName: user.email,
    userDisplayName: user.name ?? user.email,
    timeout: ceremonyTimeoutMs,
    attestationType: "none",
    excludeCredentials: existing.map((factor) => ({ id: factor.credentialId!, transports: factor.transports })),
    authenticatorSelection: { residentKey: "required", requireResidentKey: true, userVerification: "preferred" },
  });
  await db().$transaction(async (tx) => {
    await tx.passkeyRegistration.deleteMany({ where: { userId: user.id } });
    await tx.passkeyRegistration.create({
      data: { userId: user.id, challenge: options.challenge, expiresAt: new Date(Date.now() + registrationMinutes * 60_000) },
    });
  });
  return options;
}
