import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";

export type NavigationItem = { href: string; label: string };

/** The areas the caller can open; the server refuses the rest anyway. */
export function navigationFor(actor: Actor): NavigationItem[] {
  const items: NavigationItem[] = [{ href: "/admin", label: "Overview" }];
  if (can(actor, "users:read")) items.push({ href: "/admin/users", label: "Users" });
  if (can(actor, "users:read")) items.push({ href: "/admin/attributes", label: "Attributes" });
  if (can(actor, "organizations:read")) items.push({ href: "/admin/organizations", label: "All organizations" });
  if (can(actor, "users:read")) items.push({ href: "/admin/audit", label: "Audit log" });
  items.push({ href: "/orgs", label: "My organizations" });
  if (can(actor, "outbox:read")) items.push({ href: "/admin/outbox", label: "Outbox" });
  if (can(actor, "global-webhooks:manage")) items.push({ href: "/admin/webhooks", label: "Webhooks" });
  if (can(actor, "global-applications:manage")) items.push({ href: "/admin/applications", label: "Applications" });
  return items;
}
