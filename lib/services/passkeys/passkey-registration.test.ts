import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findFactorSummary, hasSecondFactor } from "@/lib/services/mfa/find-factors";
import { startTotpEnrolment } from "@/lib/services/mfa/start-totp-enrolment";
import { findPasskeys } from "@/lib/services/passkeys/find-passkeys";
import { finishPasskeyRegistration } from "@/lib/services/passkeys/finish-passkey-registration";
import { relyingParty } from "@/lib/services/passkeys/relying-party";
import { removePasskey } from "@/lib/services/passkeys/remove-passkey";
import { startPasskeyRegistration } from "@/lib/services/passkeys/start-passkey-registration";
import { appErrorOf } from "@/tests/support/errors";
import { createUser, freshSessionActor } from "@/tests/support/factories";
import { softwareAuthenticator } from "@/tests/support/software-authenticator";

async function signedInUser() {
  const { user, password } = await createUser();
  return { user, password, actor: await freshSessionActor(user) };
}

const newAuthenticator = () => softwareAuthenticator(relyingParty());

describe("registering a passkey", () => {
  it("asks for a discoverable credential for this site, stores the verified key, and counts it as a factor", async () => {
    const { user, actor } = await signedInUser();
    const options = await startPasskeyRegistration({ actor });
    expect(options.rp.id).toBe("localhost");
    expect(options.user).toMatchObject({ name: user.email, id: Buffer.from(user.id).toString("base64url") });
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "required", userVerification: "preferred" });
    expect(options.attestation).toBe("none");

    const authenticator = newAuthenticator();
    const passkey = await finishPasskeyRegistration({ actor, name: "Work laptop", response: authenticator.register(options) });
    expect(passkey).toMatchObject({ kind: "passkey", name: "Work laptop", lastUsedAt: null });
    const stored = await db().mfaFactor.findUniqueOrThrow({ where: { id: passkey.id } });
    expect(stored).toMatchObject({ credentialId: authenticator.credentialId, signCount: 0n, transports: ["internal"] });
    expect(stored.publicKey?.length).toBeGreaterThan(60);
    expect(stored.confirmedAt).not.toBeNull();
    expect(await hasSecondFactor(user.id)).toBe(true);
    expect(await findPasskeys({ actor })).toEqual([expect.objectContaining({ id: passkey.id, name: "Work laptop" })]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "mfa.passkey_registered", targetId: user.id } });
    expect(audit.after).toMatchObject({ factorId: passkey.id, name: "Work laptop" });

    // The next registration excludes this passkey, so the same authenticator is not added twice.
    const next = await startPasskeyRegistration({ actor });
    expect(next.excludeCredentials).toEqual([expect.objectContaining({ id: authenticator.credentialId })]);
    expect(await db().passkeyRegistration.count({ where: { userId: user.id } })).toBe(1);
  });

  it("spends the challenge: the same answer cannot register twice", async () => {
    const { actor } = await signedInUser();
    const response = newAuthenticator().register(await startPasskeyRegistration({ actor }));
    await finishPasskeyRegistration({ actor, name: "Phone", response });
    expect((await appErrorOf(finishPasskeyRegistration({ actor, name: "Phone again", response }))).code).toBe("conflict");
    expect(await findPasskeys({ actor })).toHaveLength(1);
  });

  it("refuses an answer for another site, another challenge, or from a look-alike origin", async () => {
    const { actor } = await signedInUser();
    const options = await startPasskeyRegistration({ actor });
    const authenticator = newAuthenticator();
    const answers = [
      authenticator.register({ ...options, origin: "https://evil.example" }),
      authenticator.register({ ...options, rpID: "evil.example" }),
      authenticator.register({ challenge: Buffer.from("a challenge nobody issued").toString("base64url") }),
    ];
    for (const response of answers) {
      const refused = await appErrorOf(finishPasskeyRegistration({ actor, name: "Forged", response }));
      expect(refused.code).toBe("validation_failed");
      expect(refused.fieldErrors).toEqual([expect.objectContaining({ field: "response" })]);
    }
    expect(await findPasskeys({ actor })).toEqual([]);
  });

  it("binds the challenge to the user who asked: another account cannot answer it", async () => {
    const victim = await signedInUser();
    const attacker = await signedInUser();
    const victimOptions = await startPasskeyRegistration({ actor: victim.actor });
    await startPasskeyRegistration({ actor: attacker.actor });
    const response = newAuthenticator().register(victimOptions);
    expect((await appErrorOf(finishPasskeyRegistration({ actor: attacker.actor, name: "Stolen", response }))).code).toBe(
      "validation_failed",
    );
    expect(await findPasskeys({ actor: attacker.actor })).toEqual([]);
  });

  it("refuses an expired registration and a malformed answer without failing", async () => {
    const { user, actor } = await signedInUser();
    const options = await startPasskeyRegistration({ actor });
    const garbled = newAuthenticator().register(options);
    garbled.response.attestationObject = Buffer.from("not cbor at all").toString("base64url");
    expect((await appErrorOf(finishPasskeyRegistration({ actor, name: "Garbled", response: garbled }))).code).toBe("validation_failed");

    await db().passkeyRegistration.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = newAuthenticator().register(options);
    expect((await appErrorOf(finishPasskeyRegistration({ actor, name: "Late", response: late }))).code).toBe("conflict");
  });
});

describe("removing a passkey", () => {
  it("removes only the caller's own passkeys", async () => {
    const { user, actor } = await signedInUser();
    const first = await finishPasskeyRegistration({
      actor,
      name: "One",
      response: newAuthenticator().register(await startPasskeyRegistration({ actor })),
    });
    const second = await finishPasskeyRegistration({
      actor,
      name: "Two",
      response: newAuthenticator().register(await startPasskeyRegistration({ actor })),
    });

    const stranger = await signedInUser();
    expect((await appErrorOf(removePasskey({ actor: stranger.actor, passkeyId: first.id }))).code).toBe("not_found");
    const { factorId: totpId } = await startTotpEnrolment({ actor });
    expect((await appErrorOf(removePasskey({ actor, passkeyId: totpId }))).code).toBe("not_found");
    expect((await appErrorOf(removePasskey({ actor, passkeyId: "not-an-id" }))).code).toBe("not_found");

    // That removing one needs a recent second-factor check is the action's rule (tests/security/step-up.test.ts).
    await removePasskey({ actor, passkeyId: first.id });
    await removePasskey({ actor, passkeyId: second.id });
    expect((await findFactorSummary(user.id)).factors).toEqual([]);
    expect(await db().auditEvent.count({ where: { action: "mfa.passkey_removed", targetId: user.id } })).toBe(2);
  });
});
