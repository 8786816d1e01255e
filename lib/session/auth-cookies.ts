import "server-only";
import type { NextAuthConfig } from "next-auth";
import { getToken } from "next-auth/jwt";
import { config, isHttpsDeployment } from "@/lib/config";

/** The session cookie's name; Auth.js also salts the cookie's encryption key with it. */
export function sessionCookieName(): string {
  return isHttpsDeployment(config()) ? "__Host-authjs.session-token" : "authjs.session-token";
}

/**
 * Auth.js already makes its cookies HttpOnly and SameSite=Lax, and prefixes them with
 * `__Secure-` over HTTPS. The session cookie gets the stricter `__Host-` prefix: the
 * browser then refuses it unless it is Secure, for this exact host and path /, so a
 * sibling subdomain cannot plant or overwrite a session.
 */
export function authCookies(): NextAuthConfig["cookies"] {
  if (!isHttpsDeployment(config())) return undefined;
  return {
    sessionToken: {
      name: sessionCookieName(),
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    },
  };
}

/**
 * The session secret carried by a Cookie header, or null when there is no session
 * cookie or it does not decrypt (forged, tampered, expired, or from another secret).
 * Only the Cookie header is given to Auth.js, which would otherwise also accept the
 * encrypted token as an `Authorization: Bearer` credential.
 */
export async function readSessionSecret(cookieHeader: string | null): Promise<string | null> {
  if (!cookieHeader) return null;
  const name = sessionCookieName();
  const token = await getToken({
    req: { headers: { cookie: cookieHeader } },
    secret: config().AUTH_SECRET,
    cookieName: name,
    salt: name,
  });
  return typeof token?.sid === "string" ? token.sid : null;
}
