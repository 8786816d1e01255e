import "server-only";
import type { NextAuthConfig } from "next-auth";
import { config } from "@/lib/config";

/** Cookies are Secure, and prefixed, whenever the public URL is https. */
export function isHttpsDeployment(): boolean {
  return config().NODE_ENV === "production" && config().APP_URL.startsWith("https://");
}

/**
 * Auth.js already makes its cookies HttpOnly and SameSite=Lax, and prefixes them with
 * `__Secure-` over HTTPS. The session cookie gets the stricter `__Host-` prefix: the
 * browser then refuses it unless it is Secure, for this exact host and path /, so a
 * sibling subdomain cannot plant or overwrite a session.
 */
export function authCookies(): NextAuthConfig["cookies"] {
  if (!isHttpsDeployment()) return undefined;
  return {
    sessionToken: {
      name: "__Host-authjs.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    },
  };
}
