import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { getSessionActor } from "@/lib/auth/auth";
import { canManageUsers } from "@/lib/auth/roles";

/** The administration pages answer 404 to everyone else, so they do not even reveal that they exist. */
export async function requireAdmin(returnTo: string): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!canManageUsers(actor.role)) notFound();
  return actor;
}
