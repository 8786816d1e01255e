import type { ReactNode } from "react";
import { loadOrganization } from "@/app/orgs/[slug]/load-organization";
import { OrganizationTabs } from "@/components/organizations/organization-tabs";

type LayoutProps = { children: ReactNode; params: Promise<{ slug: string }> };

export default async function OrganizationLayout({ children, params }: LayoutProps) {
  const { slug } = await params;
  const { organization, can } = await loadOrganization(slug);
  const tabs = [
    { href: "", label: "Overview", show: true },
    { href: "/members", label: "Members", show: can("members:read") },
    { href: "/invitations", label: "Invitations", show: can("members:invite") },
    { href: "/groups", label: "Groups", show: can("members:read") },
    { href: "/roles", label: "Roles", show: true },
    { href: "/attributes", label: "Attributes", show: true },
    { href: "/audit", label: "Audit log", show: can("audit:read") },
    { href: "/settings", label: "Settings", show: can("organization:update") || can("organization:delete") },
    { href: "/webhooks", label: "Webhooks", show: can("webhooks:manage") },
    { href: "/applications", label: "Applications", show: can("applications:manage") },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{organization.name}</h1>
      <OrganizationTabs base={`/orgs/${organization.slug}`} tabs={tabs.filter((tab) => tab.show)} />
      {children}
    </div>
  );
}
