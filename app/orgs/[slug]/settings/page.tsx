import type { Metadata } from "next";
import { loadOrganization } from "@/app/orgs/[slug]/load-organization";
import {
  createScimTokenAction,
  deleteOrganizationAction,
  revokeScimTokenAction,
  updateOrganizationAction,
  updateOrganizationSecurityAction,
} from "@/app/orgs/[slug]/settings/actions";
import { OrganizationSettingsForms } from "@/components/organizations/organization-settings-forms";
import { ScimTokenSection } from "@/components/organizations/scim-token-section";
import { config } from "@/lib/config";
import { findScimTokens } from "@/lib/services/scim-tokens/find-scim-tokens";

export const metadata: Metadata = { title: "Settings" };

export default async function OrganizationSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { actor, organization, can } = await loadOrganization((await params).slug);
  const scimTokens = can("scim:manage") ? await findScimTokens({ actor, organizationId: organization.id }) : null;
  return (
    <div className="space-y-10">
      <OrganizationSettingsForms
        actions={{ update: updateOrganizationAction, security: updateOrganizationSecurityAction, remove: deleteOrganizationAction }}
        organization={organization}
        canUpdate={can("organization:update")}
        canDelete={can("organization:delete")}
      />
      {scimTokens ? (
        <div className="max-w-xl">
          <ScimTokenSection
            organizationId={organization.id}
            baseUrl={new URL("/scim/v2", config().APP_URL).toString()}
            tokens={scimTokens}
            actions={{ create: createScimTokenAction, revoke: revokeScimTokenAction }}
            reauthenticationMinutes={config().STEP_UP_MINUTES}
          />
        </div>
      ) : null}
    </div>
  );
}
