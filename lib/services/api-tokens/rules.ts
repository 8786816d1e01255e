import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { ApiTokenCreate } from "@/lib/schemas/api-token";
import { idField } from "@/lib/schemas/fields";
import { checkPassword } from "@/lib/services/auth/check-password";

const day = 86_400_000;
const minute = 60_000;

const invalidField = (field: string, message: string) =>
  new AppError("validation_failed", "The request has invalid fields.", { fieldErrors: [{ field, message }] });

/**
 * Everyone manages their own tokens; another user's need the permission over that user
 * (so an admin cannot touch a superadmin's), checked through `can` like any other.
 */
export async function authorizeTokenOwner(actor: Actor, userId: string, permission: "users:read" | "users:write"): Promise<void> {
  if (userId === actor.userId) return;
  authorize(actor, "users:read");
  if (!idField.safeParse(userId).success) throw notFound("User");
  const owner = await db().user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!owner) throw notFound("User");
  authorize(actor, permission, { user: owner });
}

/**
 * A new token outlives the session that makes it, so a stolen session (or token) must
 * not be able to mint one: the caller proves itself again with its password, unless it
 * signed in within TOKEN_REAUTHENTICATION_MINUTES. The password goes through the same
 * check as signing in, with its rate limits and lockout.
 */
export async function requireReauthentication(actor: Actor, password: string | undefined): Promise<void> {
  if (password !== undefined) {
    const user = await db().user.findFirst({ where: { id: actor.userId, deletedAt: null } });
    const confirmed = await checkPassword({ email: user?.email ?? actor.email, user, password, purpose: "confirmation" });
    if (!confirmed) throw invalidField("password", "The password is incorrect.");
    return;
  }
  const session = actor.sessionId ? await db().session.findUnique({ where: { id: actor.sessionId }, select: { createdAt: true } }) : null;
  const window = config().TOKEN_REAUTHENTICATION_MINUTES;
  if (session && Date.now() - session.createdAt.getTime() <= window * minute) return;
  throw new AppError(
    "reauthentication_required",
    `Creating a token needs your current password (field "password") or a sign-in within the last ${window} minutes.`,
  );
}

/** When the token expires; with API_TOKEN_MAX_DAYS set, never later than that and never "never". */
export function tokenExpiry(data: Pick<ApiTokenCreate, "expiresAt" | "expiresInDays">, now = Date.now()): Date | null {
  const expiresAt = data.expiresAt ? new Date(data.expiresAt) : data.expiresInDays ? new Date(now + data.expiresInDays * day) : null;
  const maxDays = config().API_TOKEN_MAX_DAYS;
  if (maxDays === 0) return expiresAt;
  const field = data.expiresAt ? "expiresAt" : "expiresInDays";
  if (!expiresAt) throw invalidField(field, `Choose an expiry; tokens live at most ${maxDays} days here.`);
  // A minute of slack, so "expires in the maximum number of days" given as a date is not refused.
  if (expiresAt.getTime() > now + maxDays * day + minute) throw invalidField(field, `Choose at most ${maxDays} days.`);
  return expiresAt;
}
