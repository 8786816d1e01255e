import "server-only";
import { config, isHttpsDeployment } from "@/lib/config";
import { cookies } from "next/headers";

/**
 * The browser's half of a pending sign-in (lib/services/auth/pending-sign-in.ts): its
 * secret, between the password step and the second step. HttpOnly, so page scripts never
 * see it; SameSite=Lax, as the session cookie; over https Secure with the `__Host-`
 * prefix, so no sibling subdomain can plant one. It lives as long as the pending sign-in,
 * which binds the second step to the browser that gave the password.
 */
const cookieName = () => (isHttpsDeployment(config()) ? "__Host-usermanager.pending-sign-in" : "usermanager.pending-sign-in");

export async function setPendingSignInCookie({ secret, expiresAt }: { secret: string; expiresAt: Date }): Promise<void> {
  (await cookies()).set(cookieName(), secret, {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttpsDeployment(config()),
    path: "/",
    expires: expiresAt,
  });
}

/** The secret of this browser's pending sign-in, or null. Whether it is still alive is the service's question. */
export async function readPendingSignInCookie(): Promise<string | null> {
  return (await cookies()).get(cookieName())?.value ?? null;
}

export async function clearPendingSignInCookie(): Promise<void> {
  (await cookies()).delete({ name: cookieName(), path: "/", secure: isHttpsDeployment(config()) });
}
