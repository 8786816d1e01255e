import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { AuditAction } from "@/lib/audit/audit-actions";

/**
 * Installation-wide figures and events are for global administrators, and never for a
 * token limited to one organization, whose user's global powers it does not carry.
 */
export function authorizeInstallationRead(actor: Actor): void {
  if (!can(actor, "users:read")) {
    throw new AppError("forbidden", "Only administrators can read installation-wide figures and audit events.");
  }
}

/** Actions that show on the dashboard's "recent security events": lockouts, lost sessions, removals, role changes, factor resets and views as a user. */
export const securityActions = [
  "auth.locked_out",
  "auth.refresh_token_reused",
  "auth.sso_sign_in_refused",
  "user.disabled",
  "user.deleted",
  "user.purged",
  "user.unlocked",
  "user.sessions_revoked",
  "user.role_changed",
  "mfa.reset",
  "impersonation.started",
  "member.updated",
  "role.updated",
] as const satisfies readonly AuditAction[];

/** Actions that count as a successful sign-in; the password grant opens a session and records `auth.sign_in` too. */
export const signInActions = ["auth.sign_in", "auth.sso_sign_in"] as const satisfies readonly AuditAction[];
export const failedSignInAction = "auth.sign_in_failed" satisfies AuditAction;
