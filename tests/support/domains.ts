import { randomUUID } from "node:crypto";
import { addOrganizationDomain } from "@/lib/services/organization-domains/add-organization-domain";
import { verifyOrganizationDomain } from "@/lib/services/organization-domains/verify-organization-domain";
import { createUser, freshSessionActor } from "@/tests/support/factories";

/** A domain no other test claims: verified domains are unique across organizations. */
export const uniqueDomain = (label = "corp") => `${label}-${randomUUID().slice(0, 13)}.test`;

/**
 * Gives an organization verified domains as an air-gapped installation would: a
 * superadmin claims each and vouches for it (`{"trust": true}`), with no DNS involved.
 */
export async function trustDomains(organizationId: string, domains: string[]): Promise<void> {
  const superadmin = await freshSessionActor((await createUser({ role: "superadmin" })).user);
  for (const domain of domains) {
    const added = await addOrganizationDomain({ actor: superadmin, organizationId, data: { domain } });
    await verifyOrganizationDomain({ actor: superadmin, organizationId, domainId: added.id, data: { trust: true } });
  }
}
