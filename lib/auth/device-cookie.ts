import "server-only";
import { config, isHttpsDeployment } from "@/lib/config";
import { createHash, randomBytes } from "node:crypto";
import { signatureMatches, signMessage, type SignedPurpose } from "@/lib/auth/encryption";

/**
 * A device cookie (OWASP, "Slow Down Online Guessing Attacks with Device Cookies") says
 * that this browser has signed in to an account before. The sign-in limits then count
 * its guesses at that account for the device alone, not against the account's ceiling,
 * so strangers who use up the ceiling cannot keep the owner out of a browser they signed
 * in with before (docs/security.md, "Password guessing"). The value names the account by
 * a digest of its id (never the email), a random device id and the time it was issued,
 * signed with a key derived for this purpose alone. A forged or altered value, another
 * account's, or one older than its lifetime counts as no cookie at all.
 */
const purpose: SignedPurpose = "usermanager device cookies v1";

/** How long a browser stays known; every sign-in issues a fresh cookie, so only a browser unused this long forgets. */
export const deviceCookieDays = 180;
const day = 86_400_000;
// Clocks of several app instances may differ a little; a cookie "from the future" beyond that was not issued here.
const allowedClockSkew = 60_000;

/** Over https the `__Host-` prefix: the browser then takes it only from this exact host, so no sibling subdomain can plant one. */
export function deviceCookieName(): string {
  return isHttpsDeployment(config()) ? "__Host-usermanager.device" : "usermanager.device";
}

const accountDigest = (userId: string) =>
  createHash("sha256").update(`usermanager device account ${userId}`).digest("base64url").slice(0, 22);

/** A new device cookie's value for the account a browser just signed in to. */
export function issueDeviceCookie(userId: string, now = new Date()): string {
  const issued = Math.floor(now.getTime() / 1000).toString(36);
  const message = [accountDigest(userId), randomBytes(16).toString("base64url"), issued].join(".");
  return `${message}.${signMessage(message, purpose)}`;
}

/** The device id a cookie's value carries when it is genuine, names this account and has not expired; otherwise null. */
export function deviceIdFor(value: string | null | undefined, userId: string, now = new Date()): string | null {
  const parts = value?.split(".") ?? [];
  // Three signed fields, then the signature's own three (`v1.<key id>.<mac>`).
  if (parts.length !== 6) return null;
  const [account, deviceId, issued] = parts as [string, string, string];
  if (!signatureMatches(parts.slice(0, 3).join("."), parts.slice(3).join("."), purpose)) return null;
  if (account !== accountDigest(userId)) return null;
  const age = now.getTime() - parseInt(issued, 36) * 1000;
  return age >= -allowedClockSkew && age < deviceCookieDays * day ? deviceId : null;
}

/** The device cookie a Cookie header carries, not yet checked, or null. */
export function deviceCookieFrom(cookieHeader: string | null): string | null {
  const name = deviceCookieName();
  for (const pair of cookieHeader?.split(";") ?? []) {
    const separator = pair.indexOf("=");
    // A genuine value is about 100 characters; anything far longer is not worth checking.
    if (separator > 0 && pair.slice(0, separator).trim() === name)
      return (
        pair
          .slice(separator + 1)
          .trim()
          .slice(0, 512) || null
      );
  }
  return null;
}
