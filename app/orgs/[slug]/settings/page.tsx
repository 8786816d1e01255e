import type { Metadata } from "next";
import { loadOrganization } from "@/app/orgs/[slug]/load-organization";
import {
  addDomainAction,
  createScimTokenAction,
  deleteOrganizationAction,
  removeDomainAction,
  revokeScimTokenAction,
  updateOrganizationAction,
  updateOrganizationSecurityAction,
  verifyDomainAction,
} from "@/app/orgs/[slug]/settings/actions";
import { DeleteOrganizationSection } from "@/components/organizations/delete-organization-section";
import { DomainSection } from "@/components/organizations/domain-section";
import { OrganizationSettingsForms } from "@/components/organizations/organization-settings-forms";
import { ScimTokenSection } from "@/components/organizations/scim-token-section";
import { can as canGlobally } from "@/lib/auth/permissions";
import { config } from "@/lib/config";
import { findOrganizationDomains } from "@/lib/services/organization-domains/find-organization-domains";
import { findScimTokens } from "@/lib/services/scim-tokens/find-scim-tokens";

export const metadata: Metadata = { title: "Settings" };

export default async function OrganizationSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { actor, organization, can } = await loadOrganization((await params).slug);
  const domains = await findOrganizationDomains({ actor, organizationId: organization.id });
  const scimTokens = can("scim:manage") ? await findScimTokens({ actor, organizationId: organization.id }) : null;
  return (
    <div className="space-y-10">
      <OrganizationSettingsForms
        actions={{ update: updateOrganizationAction, security: updateOrganizationSecurityAction }}
        organization={organization}
        canUpdate={can("organization:update")}
      />
      <div className="max-w-xl">
        <DomainSection
          organizationId={organization.id}
          domains={domains}
          actions={{ add: addDomainAction, verify: verifyDomainAction, remove: removeDomainAction }}
          canManage={can("domains:manage")}
          canTrust={canGlobally(actor, "organizations:manage")}
        />
      </div>
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
      <DeleteOrganizationSection remove={deleteOrganizationAction} organization={organization} canDelete={can("organization:delete")} />
    </div>
  );
}
