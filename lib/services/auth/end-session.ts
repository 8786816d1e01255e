import "server-only";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { endProviderSessions } from "@/lib/services/oidc/end-provider-sessions";

/**
 * Signs a browser out on the server: the session row goes, so the cookie is worthless.
 * Signing out of a "view as" session ends the viewing, and is recorded as such.
 */
export async function endSession(sessionToken: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const session = await tx.session.findUnique({
      where: { sessionToken: hashToken(sessionToken) },
      include: { user: { select: { id: true, email: true } }, impersonator: { select: { id: true, email: true } } },
    });
    if (!session) return;
    await tx.session.delete({ where: { id: session.id } });
    await endProviderSessions(tx, { userId: session.user.id, sessionIds: [session.id], reason: "sign-out" });
    const { impersonator } = session;
    if (impersonator) {
      await recordAuditEvent(tx, {
        action: "impersonation.stopped",
        actor: impersonator,
        target: { type: "user", id: session.user.id },
        after: { sessionId: session.id, email: session.user.email, by: "sign_out" },
        impersonator,
      });
      return;
    }
    await recordAuditEvent(tx, {
      action: "auth.sign_out",
      actor: { id: session.user.id, email: session.user.email },
      target: { type: "session", id: session.id },
    });
  });
}
