import { totpCode } from "@/lib/auth/totp";
import { confirmTotpEnrolment } from "@/lib/services/mfa/confirm-totp-enrolment";
import { startTotpEnrolment } from "@/lib/services/mfa/start-totp-enrolment";
import { finishPasskeyRegistration } from "@/lib/services/passkeys/finish-passkey-registration";
import { relyingParty } from "@/lib/services/passkeys/relying-party";
import { startPasskeyRegistration } from "@/lib/services/passkeys/start-passkey-registration";
import { createUser, freshSessionActor } from "@/tests/support/factories";
import { softwareAuthenticator } from "@/tests/support/software-authenticator";

/** One TOTP step: confirmation spends the current step's code, so the next use takes the next step's. */
export const totpStepMs = 30_000;

/** A user with a confirmed authenticator app, its secret and recovery codes. */
export async function createUserWithTotp(overrides: Parameters<typeof createUser>[0] = {}) {
  const { user, password } = await createUser(overrides);
  const actor = await freshSessionActor(user);
  const { secret } = await startTotpEnrolment({ actor });
  const { recoveryCodes } = await confirmTotpEnrolment({ actor, code: totpCode(secret) });
  return { user, password, actor, secret, recoveryCodes, nextCode: (steps = 1) => totpCode(secret, Date.now() + steps * totpStepMs) };
}

/**
 * The first code the app can still be signed in with: confirmation spent the current
 * step, and a code is accepted once, so the next step's (within the drift window) it is.
 */
export const nextTotpCode = (secret: string) => totpCode(secret, Date.now() + totpStepMs);

/** A user whose one second factor is a registered passkey, and the software authenticator that holds it. */
export async function createUserWithPasskey(overrides: Parameters<typeof createUser>[0] = {}) {
  const { user, password } = await createUser(overrides);
  const actor = await freshSessionActor(user);
  const authenticator = softwareAuthenticator(relyingParty());
  const passkey = await finishPasskeyRegistration({
    actor,
    name: "Laptop",
    response: authenticator.register(await startPasskeyRegistration({ actor })),
  });
  return { user, password, authenticator, passkey };
}
