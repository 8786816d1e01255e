import { totpCode } from "@/lib/auth/totp";
import { confirmTotpEnrolment } from "@/lib/services/mfa/confirm-totp-enrolment";
import { startTotpEnrolment } from "@/lib/services/mfa/start-totp-enrolment";
import { createUser, freshSessionActor } from "@/tests/support/factories";

/** A user with a confirmed authenticator app, its secret and its ten recovery codes. */
export async function createUserWithTotp() {
  const { user, password } = await createUser();
  const actor = await freshSessionActor(user);
  const { secret } = await startTotpEnrolment({ actor });
  const { recoveryCodes } = await confirmTotpEnrolment({ actor, code: totpCode(secret) });
  return { user, password, secret, recoveryCodes };
}

/**
 * The first code the app can still be signed in with: confirmation spent the current
 * step, and a code is accepted once, so the next step's (within the drift window) it is.
 */
export const nextTotpCode = (secret: string) => totpCode(secret, Date.now() + 30_000);
