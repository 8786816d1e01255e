import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { ApiTokenCreate } from "@/lib/schemas/api-token";
import { idField } from "@/lib/schemas/fields";

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
