import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { requireSessionActor } from "@/lib/auth/require-session-actor";
import { canManageUsers } from "@/lib/auth/roles";

/** The administration pages answer 404 to everyone else, so they do not even reveal that they exist. */
export async function requireAdmin(): Promise<Actor> {
  const actor = await requireSessionActor();
  if (!canManageUsers(actor.role)) notFound();
  return actor;
}
