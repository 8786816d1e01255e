import "server-only";
import { config, isHttpsDeployment } from "@/lib/config";
import { cookies } from "next/headers";
import { deviceCookieDays, deviceCookieName, issueDeviceCookie } from "@/lib/auth/device-cookie";
import { currentRequestContext } from "@/lib/request-context";

/**
 * Gives the browser a fresh device cookie (device-cookie.ts) for the account this request
 * signed it in to, replacing the one it had: called by the sign-in actions once Auth.js
 * accepted the sign-in, which `authorize` noted on the request (noteSignedIn). HttpOnly
 * and SameSite=Lax like the session cookie; over https Secure with the `__Host-` prefix.
 */
export async function rememberSignedInDevice(): Promise<void> {
  const userId = currentRequestContext()?.signedInUserId;
  if (!userId) return;
  (await cookies()).set(deviceCookieName(), issueDeviceCookie(userId), {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttpsDeployment(config()),
    path: "/",
    maxAge: deviceCookieDays * 86_400,
  });
}
