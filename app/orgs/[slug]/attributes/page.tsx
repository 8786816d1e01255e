import type { Metadata } from "next";
import { createAttributeAction, deleteAttributeAction, updateAttributeAction } from "@/app/admin/attributes/actions";
import { loadOrganization } from "@/app/orgs/[slug]/load-organization";
import { AttributeDefinitions } from "@/components/attributes/attribute-definitions";
import { listAttributes } from "@/lib/services/attributes/list-attributes";

export const metadata: Metadata = { title: "Attributes" };

/** The organization's custom attributes about its members; its owners define them. */
export default async function OrganizationAttributesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { actor, organization, can } = await loadOrganization((await params).slug);
  const { data } = await listAttributes({ actor, organizationId: organization.id });
  const canManage = can("attributes:manage");
  return (
    <div className="space-y-4">
      {canManage ? null : <p className="text-sm text-muted">Only the organization&apos;s owners define attributes.</p>}
      <AttributeDefinitions
        attributes={data}
        organizationId={organization.id}
        canManage={canManage}
        actions={{ create: createAttributeAction, update: updateAttributeAction, remove: deleteAttributeAction }}
      />
    </div>
  );
}
