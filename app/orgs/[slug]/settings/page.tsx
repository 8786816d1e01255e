import type { Metadata } from "next";
import { loadOrganization } from "@/app/orgs/[slug]/load-organization";
import { deleteOrganizationAction, updateOrganizationAction, updateOrganizationSecurityAction } from "@/app/orgs/[slug]/settings/actions";
import { OrganizationSettingsForms } from "@/components/organizations/organization-settings-forms";

export const metadata: Metadata = { title: "Settings" };

export default async function OrganizationSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { organization, can } = await loadOrganization((await params).slug);
  return (
    <OrganizationSettingsForms
      actions={{ update: updateOrganizationAction, security: updateOrganizationSecurityAction, remove: deleteOrganizationAction }}
      organization={organization}
      canUpdate={can("organization:update")}
      canDelete={can("organization:delete")}
    />
  );
}
