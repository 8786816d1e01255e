import type { Actor } from "@/lib/auth/actor";
import { can, isImpersonable } from "@/lib/auth/permissions";
import type { GlobalRole } from "@/lib/auth/roles";

/** The user someone asks to view the app as. */
export type ImpersonationTarget = { id: string; email: string; role: GlobalRole; status: string; deletedAt: Date | string | null };

/**
 * Why the caller may not view the app as this user, or null when it may. Beyond `can`
 * (a role below the caller's, so never a superadmin): only from a signed-in browser, never
 * oneself, only an active user, and never from inside another "view as" session. The
 * user's page shows the button only on null; startImpersonation refuses with the reason.
 */
export function impersonationRefusal(actor: Actor, target: ImpersonationTarget): string | null {
  if (actor.impersonator) return `Stop viewing as ${actor.email} before viewing as someone else.`;
  if (actor.via !== "session") return "Viewing as a user needs a signed-in browser; a token cannot do it.";
  if (target.id === actor.userId) return "You cannot view as yourself.";
  if (!isImpersonable({ user: target })) return "Nobody may view as a superadmin.";
  if (!can(actor, "users:impersonate", { user: target })) return "Only a superadmin may view as another administrator.";
  if (target.deletedAt) return `${target.email} is deleted; only active users can be viewed as.`;
  if (target.status !== "active") return `${target.email} is disabled; only active users can be viewed as.`;
  return null;
}
