import "server-only";
import type { GlobalRole } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db";
import type { Proof, Session, SessionKind } from "@/lib/generated/prisma/client";
import { currentRequestContext } from "@/lib/request-context";
import { joinMethods, methodsOfProof } from "@/lib/auth/authentication-methods";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { recordUserActivity } from "@/lib/services/stats/record-user-activity";

type OpenSessionOptions = {
  user: { id: string; email: string; role: GlobalRole };
  kind: SessionKind;
  /** The digest that identifies the session: a browser cookie's secret, or a random value for API sessions. */
  sessionTokenHash: string;
  expires: Date;
  now: Date;
  /** What the person proved to open it; step-up and policy read it later. Defaults to the password alone. */
  verifiedWith?: Proof;
  /** How, method by method (RFC 8176), where more is known than the proof says. */
  amr?: readonly string[];
};

/**
 * Records a successful sign-in: the new session row, the last login time, the day's
 * activity mark and the audit event, all in the caller's transaction.
 */
export async function openSession(tx: Tx, options: OpenSessionOptions): Promise<Session> {
  const { user, kind, sessionTokenHash, expires, now, verifiedWith = "password" } = options;
  const amr = options.amr ? joinMethods(options.amr) : methodsOfProof(verifiedWith);
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
      amr,
    },
  });
  await recordAuditEvent(tx, {
    action: "auth.sign_in",
    actor: { id: user.id, email: user.email },
    target: { type: "session", id: session.id },
    after: { kind, verifiedWith, amr },
  });
  await recordUserActivity(tx, { userId: user.id, at: now });
  return session;
}
