import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { toOrganizationDomainPublic } from "@/lib/services/organization-domains/mappers";
import { getDomainForUpdate } from "@/lib/services/organization-domains/rules";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";

/**
 * Removes one of the organization's domains (needs `domains:manage`). Its accounts stay
 * members, but the directory can no longer create, change or deactivate them, and another
 * organization may verify the domain.
 */
export async function removeOrganizationDomain({
  actor,
  organizationId,
  domainId,
}: {
  actor: Actor;
  organizationId: string;
  domainId: string;
}) {
  await db().$transaction(async (tx) => {
    const { organization } = await authorizeOrganization(tx, { actor, organizationId, permission: "domains:manage" });
    const row = await getDomainForUpdate(tx, organization.id, domainId);
    await tx.organizationDomain.delete({ where: { id: row.id } });
    await recordAuditEvent(tx, {
      action: "domain.removed",
      actor,
      target: { type: "organization_domain", id: row.id },
      before: toOrganizationDomainPublic(row),
    });
  });
}
