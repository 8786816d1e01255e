import "server-only";
import { decode, encode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { readSessionSecret, sessionCookieName } from "@/lib/session/auth-cookies";
import { config, isHttpsDeployment } from "@/lib/config";
import { findSessionActor } from "@/lib/services/auth/find-session-actor";

/**
 * While an administrator views the app as a user, the browser's session cookie names the
 * "view as" session, and this cookie holds the administrator's own session secret, so
 * that stopping returns them signed in as themselves. It is sealed as the session cookie
 * is (an encrypted JWT salted with its own name), HttpOnly and SameSite=Lax, and over
 * https Secure with the `__Host-` prefix; it lapses when the "view as" session does.
 */
const heldCookieName = () => (isHttpsDeployment(config()) ? "__Host-usermanager.held-session" : "usermanager.held-session");

const cookieOptions = (expires: Date) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure: isHttpsDeployment(config()),
  path: "/",
  expires,
});

/** A session secret sealed the way Auth.js seals its session cookie, so readSessionSecret reads it back. */
async function seal(sessionToken: string, cookieName: string, expires: Date): Promise<string> {
  const maxAge = Math.max(1, Math.ceil((expires.getTime() - Date.now()) / 1000));
  return encode({ token: { sid: sessionToken }, secret: config().AUTH_SECRET, salt: cookieName, maxAge });
}

/** Puts the browser in the "view as" session and keeps the administrator's own session aside until it ends. */
export async function enterImpersonation({ sessionToken, expires }: { sessionToken: string; expires: Date }): Promise<void> {
  const jar = await cookies();
  const own = await readSessionSecret((await headers()).get("cookie"));
  if (own) jar.set(heldCookieName(), await seal(own, heldCookieName(), expires), cookieOptions(expires));
  jar.set(sessionCookieName(), await seal(sessionToken, sessionCookieName(), expires), cookieOptions(expires));
}

/** The administrator's own session secret kept aside, or null; the cookie is gone afterwards either way. */
export async function takeHeldSession(): Promise<string | null> {
  const jar = await cookies();
  const value = jar.get(heldCookieName())?.value;
  if (!value) return null;
  jar.delete({ name: heldCookieName(), path: "/", secure: isHttpsDeployment(config()) });
  const token = await decode({ token: value, secret: config().AUTH_SECRET, salt: heldCookieName() }).catch(() => null);
  return typeof token?.sid === "string" ? token.sid : null;
}

/**
 * After a "view as" session ended, signs the browser back into the administrator's own
 * session when it is still alive and theirs; otherwise drops the session cookie, so the
 * administrator signs in again. Says whether they are signed in.
 */
export async function returnToOwnSession(impersonatorId: string): Promise<boolean> {
  const held = await takeHeldSession();
  const own = held ? await findSessionActor(held) : null;
  const jar = await cookies();
  if (!held || own?.userId !== impersonatorId || own.impersonator) {
    jar.delete({ name: sessionCookieName(), path: "/", secure: isHttpsDeployment(config()) });
    return false;
  }
  // As long as Auth.js would issue the cookie; the session row decides how long it is good for.
  const expires = new Date(Date.now() + config().SESSION_MAX_AGE_HOURS * 3_600_000);
  jar.set(sessionCookieName(), await seal(held, sessionCookieName(), expires), cookieOptions(expires));
  return true;
}
