import "server-only";
import { sessionActor, type Actor } from "@/lib/auth/actor";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import type { Tx } from "@/lib/db";
import type { Proof, User } from "@/lib/generated/prisma/client";
import { openSession } from "@/lib/services/auth/open-session";
import { sessionExpiry } from "@/lib/services/auth/session-policy";

export type SignInResult = { actor: Actor; sessionToken: string };

/**
 * Opens the browser session of a finished sign-in, in the caller's transaction, and
 * returns its actor and the secret for the cookie, once; only its digest is stored.
 */
export async function openBrowserSession(tx: Tx, user: User, verifiedWith: Proof, amr?: readonly string[]): Promise<SignInResult> {
  const sessionToken = generateToken();
  const now = new Date();
  const session = await openSession(tx, {
    user,
    kind: "browser",
    sessionTokenHash: hashToken(sessionToken),
    expires: sessionExpiry(now, now),
    now,
    verifiedWith,
    amr,
  });
  return { actor: sessionActor(user, session.id), sessionToken };
}
