import { OrganizationMenu } from "@/components/organizations/organization-menu";
import type { Actor } from "@/lib/auth/actor";
import { listOrganizations } from "@/lib/services/organizations/list-organizations";

/**
 * The organizations the caller can open, for the header. A superadmin's list is every
 * organization, so the switcher keeps to the first page; /admin/organizations has them all.
 */
export async function OrganizationSwitcher({ actor }: { actor: Actor }) {
  const organizations = await listOrganizations({ actor, query: { limit: 50 } });
  return <OrganizationMenu organizations={organizations.data.map(({ slug, name }) => ({ slug, name }))} />;
}
