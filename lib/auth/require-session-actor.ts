import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { getSessionActor } from "@/lib/auth/auth";
import { enrolmentPage } from "@/lib/auth/second-factor-gate";
import { requestPathHeader } from "@/lib/request-path";

/**
 * The signed-in visitor of a page. Without a valid session (expired, revoked, or no
 * cookie) it sends them to sign in, and back to the exact page they asked for afterwards;
 * someone who must still set up a second factor goes to their account page instead.
 */
export async function requireSessionActor(): Promise<Actor> {
  const actor = await getSessionActor();
  const path = (await headers()).get(requestPathHeader) ?? "/";
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  // Someone who must still set up a second factor sees only their account page, where they can.
  if (actor.mustEnrollSecondFactor && !isAccountPage(path)) redirect(enrolmentPage);
  return actor;
}

const isAccountPage = (path: string) => path === "/account" || path.startsWith("/account?") || path.startsWith("/account/");
