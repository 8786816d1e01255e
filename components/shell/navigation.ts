import type { GlobalRole } from "@/lib/auth/roles";

export type NavigationItem = { href: string; label: string };

/** The areas a role can open; the server refuses the rest anyway. */
export function navigationFor(role: GlobalRole): NavigationItem[] {
  const items: NavigationItem[] = [{ href: "/admin", label: "Overview" }];
  if (role === "admin" || role === "superadmin") {
    items.push(
      { href: "/admin/users", label: "Users" },
      { href: "/admin/organizations", label: "All organizations" },
      { href: "/admin/audit", label: "Audit log" },
    );
  }
  items.push({ href: "/orgs", label: "My organizations" });
  if (role === "superadmin") items.push({ href: "/admin/outbox", label: "Outbox" });
  return items;
}
