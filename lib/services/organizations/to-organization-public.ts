import type { Organization } from "@/lib/generated/prisma/client";
import type { OrganizationPublic } from "@/lib/schemas/organization";

export function toOrganizationPublic(organization: Organization): OrganizationPublic {
  return {
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    mfaRequired: organization.mfaRequired,
    version: organization.version,
    createdAt: organization.createdAt.toISOString(),
    updatedAt: organization.updatedAt.toISOString(),
  };
}
