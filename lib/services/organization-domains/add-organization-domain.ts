import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { generateToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { OrganizationDomainCreate, OrganizationDomainPublic } from "@/lib/schemas/organization-domain";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { toOrganizationDomainPublic } from "@/lib/services/organization-domains/mappers";
import { assertNotVerifiedElsewhere, maxDomainsPerOrganization } from "@/lib/services/organization-domains/rules";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";

const refused = (message: string) => new AppError("conflict", message, { fieldErrors: [{ field: "domain", message }] });

/**
 * Claims a domain for the organization (needs `domains:manage`, owners only by default).
 * It stays pending, giving the directory nothing, until the TXT record in the answer is
 * published and verified, or a superadmin vouches for it.
 */
export async function addOrganizationDomain({
  actor,
  organizationId,
  data,
}: {
  actor: Actor;
  organizationId: string;
  data: OrganizationDomainCreate;
}): Promise<OrganizationDomainPublic> {
  return db().$transaction(async (tx) => {
    const { organization } = await authorizeOrganization(tx, { actor, organizationId, permission: "domains:manage" });
    // Serialises additions, so the count below cannot be passed by two at once.
    await lockOrganization(tx, organization.id);
    const listed = await tx.organizationDomain.findMany({ where: { organizationId: organization.id }, select: { domain: true } });
    if (listed.some((row) => row.domain === data.domain)) throw refused(`${data.domain} is already listed.`);
    if (listed.length >= maxDomainsPerOrganization) throw refused(`An organization has at most ${maxDomainsPerOrganization} domains.`);
    await assertNotVerifiedElsewhere(tx, organization.id, data.domain);
    const row = await tx.organizationDomain.create({
      data: { organizationId: organization.id, domain: data.domain, verificationToken: generateToken() },
    });
    const created = toOrganizationDomainPublic(row);
    await recordAuditEvent(tx, {
      action: "domain.added",
      actor,
      target: { type: "organization_domain", id: row.id },
      after: created,
    });
    return created;
  });
}
