import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { requireSessionActor } from "@/lib/auth/require-session-actor";
import { can } from "@/lib/auth/permissions";

/** The administration pages answer 404 to everyone else, so they do not even reveal that they exist. */
export async function requireAdmin(): Promise<Actor> {
  const actor = await requireSessionActor();
  if (!can(actor, "users:read")) notFound();
  return actor;
}
