import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { refuseWhileImpersonating } from "@/lib/auth/impersonation-gate";
import { canManageOwnSignIn } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/**
 * Refuses a caller that may not add, confirm or remove its own second factors: an
 * administrator viewing as the user, a token limited to one organization, or one that may only read. Sessions and unrestricted
 * tokens with `write` may.
 */
export function authorizeOwnFactors(actor: Actor): void {
  refuseWhileImpersonating(actor, "their second factors and recovery codes");
  if (canManageOwnSignIn(actor)) return;
  if (actor.organizationId !== null) {
    throw new AppError("forbidden", "This token is restricted to one organization; second factors belong to the whole account.");
  }
  throw new AppError("forbidden", "This token may only read.");
}
