import type { Actor } from "@/lib/auth/actor";
import type { GlobalPermission } from "@/lib/auth/permission-catalogue";
import { can, visibilityPermission, type UserTarget } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";

const resourceNames: Record<string, string> = { users: "User", superadmins: "User", organizations: "Organization", outbox: "Message" };

/**
 * Refuses a global action the caller may not take, the same way for pages and the API:
 * a caller who may not even see the resource is told it was not found, so it learns
 * nothing of what exists; one who may see it but not do this is told it is forbidden.
 * Scopes do not count towards seeing: a write-only token is refused by its scope, not
 * told that users do not exist.
 */
export function authorize(actor: Actor, permission: GlobalPermission, target?: UserTarget): void {
  const visibility = visibilityPermission(permission) as GlobalPermission;
  if (!can({ ...actor, scopes: null }, visibility)) throw notFound(resourceNames[permission.split(":")[0]!] ?? "Resource");
  if (can(actor, permission, target)) return;
  const reason = target && can(actor, permission) ? " over this user or the role asked for" : "";
  throw new AppError("forbidden", `You do not have the permission ${permission}${reason}.`);
}
