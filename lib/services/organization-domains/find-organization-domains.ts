import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { OrganizationDomainPublic } from "@/lib/schemas/organization-domain";
import { toOrganizationDomainPublic } from "@/lib/services/organization-domains/mappers";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";

/** The organization's domains, verified and pending, by name (needs `organization:read`; at most 50, so no paging). */
export async function findOrganizationDomains({
  actor,
  organizationId,
}: {
  actor: Actor;
  organizationId: string;
}): Promise<OrganizationDomainPublic[]> {
  const { organization } = await authorizeOrganization(undefined, { actor, organizationId, permission: "organization:read" });
  const rows = await db().organizationDomain.findMany({ where: { organizationId: organization.id }, orderBy: { domain: "asc" } });
  return rows.map(toOrganizationDomainPublic);
}
