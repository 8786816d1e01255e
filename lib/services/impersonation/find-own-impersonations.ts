import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { snapshotString } from "@/lib/services/audit/snapshot-field";

export type ImpersonationPublic = {
  sessionId: string;
  /** Who viewed the app as the user. */
  impersonatorEmail: string | null;
  startedAt: string;
  /** When it ended: stopped, or the end it was given; null while it may still be going on. */
  endedAt: string | null;
};

const sessionOf = (after: unknown) => snapshotString(after, "sessionId");
const expiryOf = (after: unknown) => snapshotString(after, "expires");

/**
 * The times an administrator viewed the app as the caller, newest first, read from the
 * audit log so the user can see that it happened, by whom and for how long. Events
 * outlive sessions and users, so this stays true after the administrator is gone.
 */
export async function findOwnImpersonations({ actor, limit = 20 }: { actor: Actor; limit?: number }): Promise<ImpersonationPublic[]> {
  const events = await db().auditEvent.findMany({
    where: { action: { in: ["impersonation.started", "impersonation.stopped"] }, targetType: "user", targetId: actor.userId },
    orderBy: { at: "desc" },
    take: limit * 2,
  });
  const stoppedAt = new Map(
    events.filter((event) => event.action === "impersonation.stopped").map((event) => [sessionOf(event.after), event.at]),
  );
  const now = new Date();
  return events
    .filter((event) => event.action === "impersonation.started")
    .slice(0, limit)
    .map((event) => {
      const sessionId = sessionOf(event.after) ?? event.id;
      const expires = expiryOf(event.after);
      const ended = stoppedAt.get(sessionId) ?? (expires && new Date(expires) <= now ? new Date(expires) : null);
      return {
        sessionId,
        impersonatorEmail: event.impersonatorEmail ?? event.actorEmail,
        startedAt: event.at.toISOString(),
        endedAt: ended ? ended.toISOString() : null,
      };
    });
}
