import { Secret, TOTP } from "otpauth";

/**
 * RFC 6238 codes as every authenticator app makes them: SHA-1, 6 digits, 30-second
 * steps. The arithmetic is the otpauth library's; this file only fixes the parameters
 * and turns "is this code valid" into "which time step does it belong to", which is
 * what replay protection needs.
 */
const period = 30;
const issuer = "Usermanager";

/** A new random secret (160 bits, as RFC 4226 recommends), in the base32 apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label = "") {
  return new TOTP({ issuer, label, secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period });
}

/** The `otpauth://` URI an app reads from the QR code. */
export function totpUri(secret: string, accountName: string): string {
  return totpFor(secret, accountName).toString();
}

/** The code for a moment; for tests and for the enrolment preview only. */
export function totpCode(secret: string, at = Date.now()): string {
  return totpFor(secret).generate({ timestamp: at });
}

/** The time step a moment falls in. */
export const totpStep = (at: number) => Math.floor(at / 1000 / period);

/**
 * The time step a code belongs to, accepting one step of clock drift either way, or null
 * when it matches none. The caller refuses a step at or before the last one accepted.
 */
export function totpCodeStep(secret: string, code: string, at = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret).validate({ token: code, timestamp: at, window: 1 });
  return delta === null ? null : totpStep(at) + delta;
}
