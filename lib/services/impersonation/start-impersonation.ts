import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { impersonationRefusal } from "@/lib/auth/impersonation-gate";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { currentRequestContext } from "@/lib/request-context";
import { idField } from "@/lib/schemas/fields";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

export type ImpersonationStarted = {
  /** The secret for the browser's session cookie, given once; only its digest is stored. */
  sessionToken: string;
  expires: Date;
  user: { id: string; email: string };
};

/**
 * Opens a session in which an administrator sees the app as the user ("view as"). It is
 * a browser session of the user's, marked with the administrator, that ends after
 * IMPERSONATION_MINUTES however it is used. It counts as never confirmed, and the
 * services behind credentials refuse it outright (impersonation-gate.ts). Starting
 * needs a fresh step-up, as it lends the administrator someone else's rights.
 */
export async function startImpersonation({ actor, userId }: { actor: Actor; userId: string }): Promise<ImpersonationStarted> {
  // A caller who may not see users learns nothing of which ids exist; one who may see them but not this, why.
  if (!actor.impersonator) authorize(actor, "users:impersonate");
  if (!idField.safeParse(userId).success) throw notFound("User");
  const target = await db().user.findUnique({ where: { id: userId } });
  if (!target) throw notFound("User");
  const refusal = impersonationRefusal(actor, target);
  if (refusal) throw new AppError("forbidden", refusal);

  const sessionToken = generateToken();
  const now = new Date();
  const expires = new Date(now.getTime() + config().IMPERSONATION_MINUTES * 60_000);
  const context = currentRequestContext();
  const impersonator = { id: actor.userId, email: actor.email };
  await db().$transaction(async (tx) => {
    const session = await tx.session.create({
      data: {
        kind: "browser",
        sessionToken: hashToken(sessionToken),
        userId: target.id,
        impersonatorId: actor.userId,
        // The view lives no longer than the administrator's own session: ending that ends this.
        impersonatorSessionId: actor.sessionId,
        expires,
        ip: context?.ip ?? null,
        userAgent: context?.userAgent?.slice(0, 512) ?? null,
        createdAt: now,
        lastSeenAt: now,
        // Never confirmed: no step-up window opens for whoever holds this session.
        verifiedAt: new Date(0),
      },
    });
    await recordAuditEvent(tx, {
      action: "impersonation.started",
      actor: impersonator,
      target: { type: "user", id: target.id },
      after: { sessionId: session.id, email: target.email, expires: expires.toISOString() },
      impersonator,
    });
  });
  return { sessionToken, expires, user: { id: target.id, email: target.email } };
}
