import "server-only";
import type { GlobalRole } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db";
import type { Session, SessionKind } from "@/lib/generated/prisma/client";
import type { Proof } from "@/lib/generated/prisma/enums";
import { currentRequestContext } from "@/lib/request-context";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { recordUserActivity } from "@/lib/services/stats/record-user-activity";

type OpenSessionOptions = {
  user: { id: string; email: string; role: GlobalRole };
  kind: SessionKind;
  /** The digest that identifies the session: a browser cookie's secret, or a random value for API sessions. */
  sessionTokenHash: string;
  expires: Date;
  now: Date;
  /** What the person proved to open it: a password alone, single sign-on, or a second factor (a passkey counts as one). */
  verifiedWith?: Proof;
};

/**
 * Records a successful sign-in: the new session row, the last login time, the day's
 * activity mark and the audit event, all in the caller's transaction.
 */
export async function openSession(
  tx: Tx,
  { user, kind, sessionTokenHash, expires, now, verifiedWith = "password" }: OpenSessionOptions,
): Promise<Session> {
  const context = currentRequestContext();
  await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  const session = await tx.session.create({
    data: {
      kind,
      sessionToken: sessionTokenHash,
      userId: user.id,
      expires,
      ip: context?.ip ?? null,
      userAgent: context?.userAgent?.slice(0, 512) ?? null,
      createdAt: now,
      lastSeenAt: now,
      verifiedAt: now,
      verifiedWith,
    },
  });
  await recordAuditEvent(tx, {
    action: "auth.sign_in",
    actor: { id: user.id, email: user.email },
    target: { type: "session", id: session.id },
    after: { kind },
  });
  await recordUserActivity(tx, { userId: user.id, at: now });
  return session;
}
