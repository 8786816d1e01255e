import "server-only";
import { sessionActor, type Actor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SignInInput } from "@/lib/schemas/auth";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { sessionExpiry } from "@/lib/services/auth/session-policy";
import { currentRequestContext } from "@/lib/request-context";

export type SignInResult = { actor: Actor; sessionToken: string };

/** One answer for every failure, so the response never tells whether an email is registered. */
export const invalidCredentials = () => new AppError("unauthorized", "The email or password is incorrect.");

/**
 * Checks a password and opens a server-side session. The secret handed to the browser
 * is returned once; only its digest is stored.
 */
export async function signInWithPassword({ email, password }: SignInInput): Promise<SignInResult> {
  const user = await db().user.findFirst({ where: { email, deletedAt: null } });
  const passwordMatches = await verifyPassword(password, user?.passwordHash);

  if (!user || !passwordMatches || user.status !== "active") {
    const reason = !user ? "unknown_email" : !passwordMatches ? "wrong_password" : "account_disabled";
    await db().$transaction((tx) =>
      recordAuditEvent(tx, {
        action: "auth.sign_in_failed",
        actor: { id: user?.id ?? null, email },
        target: { type: "user", id: user?.id ?? null },
        after: { reason },
      }),
    );
    throw invalidCredentials();
  }

  const sessionToken = generateToken();
  const now = new Date();
  const context = currentRequestContext();
  const session = await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    const created = await tx.session.create({
      data: {
        sessionToken: hashToken(sessionToken),
        userId: user.id,
        expires: sessionExpiry(now, now),
        ip: context?.ip ?? null,
        userAgent: context?.userAgent?.slice(0, 512) ?? null,
        createdAt: now,
        lastSeenAt: now,
      },
    });
    await recordAuditEvent(tx, {
      action: "auth.sign_in",
      actor: { id: user.id, email: user.email },
      target: { type: "session", id: created.id },
    });
    return created;
  });

  return { actor: sessionActor(user, session.id), sessionToken };
}
