import Link from "next/link";
import type { ReactNode } from "react";
import { loadOrganization } from "@/app/orgs/[slug]/load-organization";

type LayoutProps = { children: ReactNode; params: Promise<{ slug: string }> };

export default async function OrganizationLayout({ children, params }: LayoutProps) {
  const { slug } = await params;
  const { organization, can } = await loadOrganization(slug);
  const tabs = [
    { href: "", label: "Overview", show: true },
    { href: "/members", label: "Members", show: can("members:read") },
    { href: "/invitations", label: "Invitations", show: can("members:invite") },
    { href: "/roles", label: "Roles", show: true },
    { href: "/audit", label: "Audit log", show: can("audit:read") },
    { href: "/settings", label: "Settings", show: can("organization:update") || can("organization:delete") },
    { href: "/webhooks", label: "Webhooks", show: can("webhooks:manage") },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{organization.name}</h1>
      <nav aria-label="Organization" className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {tabs
          .filter((tab) => tab.show)
          .map((tab) => (
            <Link
              key={tab.label}
              href={`/orgs/${organization.slug}${tab.href}`}
              className="px-3 py-2 text-sm font-medium text-zinc-600 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white"
            >
              {tab.label}
            </Link>
          ))}
      </nav>
      {children}
    </div>
  );
}
