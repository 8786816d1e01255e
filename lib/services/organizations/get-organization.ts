import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { OrganizationPermission } from "@/lib/auth/permission-catalogue";
import type { OrganizationPublic } from "@/lib/schemas/organization";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { toOrganizationPublic } from "@/lib/services/organizations/to-organization-public";

export type OrganizationView = { organization: OrganizationPublic; permissions: OrganizationPermission[] };

/** An organization the caller can see, by id or by its address, with what the caller may do there. */
export async function getOrganization({
  actor,
  ...lookup
}: { actor: Actor } & ({ organizationId: string } | { slug: string })): Promise<OrganizationView> {
  const { organization, permissions } = await authorizeOrganization(undefined, { actor, permission: "organization:read", ...lookup });
  return { organization: toOrganizationPublic(organization), permissions };
}
