import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import type { GlobalPermission } from "@/lib/auth/permission-catalogue";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getSessionActor } from "@/lib/session/auth";
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

/**
 * The signed-in visitor of a page only those holding a global permission may see. The
 * others get the 404 page: pages for administrators do not even reveal that they exist.
 */
export async function requirePagePermission(permission: GlobalPermission): Promise<Actor> {
  const actor = await requireSessionActor();
  if (!can(actor, permission)) notFound();
  return actor;
}

/**
 * What a page shows of a record, or the 404 page when the caller may not see it or may
 * not manage it: a page never tells someone what exists beyond their reach.
 */
export function shownOrNotFound<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  });
}
