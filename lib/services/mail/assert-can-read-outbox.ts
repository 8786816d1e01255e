import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";

/**
 * The outbox holds live reset and verification links, so only a superadmin reads it;
 * everyone else is told it does not exist rather than that it is forbidden.
 */
export function assertCanReadOutbox(actor: Actor): void {
  if (actor.role !== "superadmin") throw notFound("Outbox");
}
