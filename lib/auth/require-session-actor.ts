import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { getSessionActor } from "@/lib/auth/auth";
import { requestPathHeader } from "@/lib/request-path";

/**
 * The signed-in visitor of a page or form action. Without a valid session (expired,
 * revoked, or no cookie) it sends them to sign in, and back to the exact page they
 * asked for afterwards.
 */
export async function requireSessionActor(): Promise<Actor> {
  const actor = await getSessionActor();
  if (actor) return actor;
  const path = (await headers()).get(requestPathHeader) ?? "/";
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
}
