import "server-only";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { db, type Tx } from "@/lib/db";
import type { PendingSignIn, PendingSignInPurpose, User } from "@/lib/generated/prisma/client";

/**
 * A sign-in halfway: the first factor is done, the second is not, and no session exists.
 * The browser holds the secret in a short-lived cookie (`pending-sign-in-cookie.ts`), an
 * OAuth client as `mfa_token`; only its digest is stored. It lives a few minutes, works
 * once, and dies after a few wrong codes (the per-account limits apply on top). A
 * signed-in session confirming who it is with a passkey (step-up) keeps its challenge the
 * same way, as a `step_up` one bound to that session.
 */
export const pendingSignInMinutes = 5;
const maxFailedAttempts = 5;

type StartOptions = {
  purpose: PendingSignInPurpose;
  userId: string | null;
  challenge?: string;
  clientId?: string;
  scopes?: string[];
  /** step_up: the session that asked, the only one that may answer. */
  sessionId?: string;
};

export async function startPendingSignIn(options: StartOptions, tx: Tx = db()): Promise<{ secret: string; expiresAt: Date }> {
  const secret = generateToken();
  const expiresAt = new Date(Date.now() + pendingSignInMinutes * 60_000);
  await tx.pendingSignIn.create({
    data: {
      secretHash: hashToken(secret),
      purpose: options.purpose,
      userId: options.userId,
      challenge: options.challenge,
      clientId: options.clientId,
      scopes: options.scopes ?? [],
      sessionId: options.sessionId,
      expiresAt,
    },
  });
  return { secret, expiresAt };
}

export type LivePendingSignIn = PendingSignIn & { user: User | null };

/** The pending sign-in a secret names, if it is of this purpose, unexpired, unused and not guessed at too often. */
export async function findPendingSignIn(secret: string, purpose: PendingSignInPurpose): Promise<LivePendingSignIn | null> {
  if (!secret || secret.length > 200) return null;
  const pending = await db().pendingSignIn.findUnique({ where: { secretHash: hashToken(secret) }, include: { user: true } });
  if (!pending || pending.purpose !== purpose || pending.consumedAt || pending.expiresAt <= new Date()) return null;
  if (pending.failedAttempts >= maxFailedAttempts) return null;
  if (pending.user && (pending.user.status !== "active" || pending.user.deletedAt)) return null;
  return pending;
}

/** Spends the pending sign-in; false when a concurrent request spent it first. */
export async function consumePendingSignIn(tx: Tx, id: string): Promise<boolean> {
  const spent = await tx.pendingSignIn.updateMany({
    where: { id, consumedAt: null, expiresAt: { gt: new Date() } },
    data: { consumedAt: new Date() },
  });
  return spent.count === 1;
}

/**
 * Takes one of the pending sign-in's few tries before its code or passkey is checked;
 * false when none is left, or it was spent or expired meanwhile. One conditional update,
 * so a burst of concurrent guesses cannot all be checked against the same count. A right
 * answer spends the pending sign-in, so the tries it keeps count only wrong ones.
 */
export async function claimPendingAttempt(id: string): Promise<boolean> {
  const claimed = await db().pendingSignIn.updateMany({
    where: { id, consumedAt: null, expiresAt: { gt: new Date() }, failedAttempts: { lt: maxFailedAttempts } },
    data: { failedAttempts: { increment: 1 } },
  });
  return claimed.count === 1;
}
