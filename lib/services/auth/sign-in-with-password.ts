import "server-only";
import { sessionActor, type Actor } from "@/lib/auth/actor";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import type { SignInInput } from "@/lib/schemas/auth";
import { openSession } from "@/lib/services/auth/open-session";
import { sessionExpiry } from "@/lib/services/auth/session-policy";
import { verifyCredentials } from "@/lib/services/auth/verify-credentials";

export type SignInResult = { actor: Actor; sessionToken: string };

/**
 * Checks a password and opens a browser session. The secret handed to the browser is
 * returned once; only its digest is stored.
 */
export async function signInWithPassword(input: SignInInput): Promise<SignInResult> {
  const user = await verifyCredentials(input);
  const sessionToken = generateToken();
  const now = new Date();
  const session = await db().$transaction((tx) =>
    openSession(tx, { user, kind: "browser", sessionTokenHash: hashToken(sessionToken), expires: sessionExpiry(now, now), now }),
  );
  return { actor: sessionActor(user, session.id), sessionToken };
}
