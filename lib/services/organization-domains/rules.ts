import "server-only";
import type { Db, Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";

/** Enough for a company's brands and country domains; a bound so one organization cannot fill the table. */
export const maxDomainsPerOrganization = 50;

/** One of the organization's domains; another organization's is not found, exactly like an id that does not exist. */
export async function getDomain(client: Db | Tx, organizationId: string, domainId: string) {
  if (!idField.safeParse(domainId).success) throw notFound("Domain");
  const row = await client.organizationDomain.findFirst({ where: { id: domainId, organizationId } });
  if (!row) throw notFound("Domain");
  return row;
}

/** The same, locked for the rest of the transaction, so a verification and a removal never cross. */
export async function getDomainForUpdate(tx: Tx, organizationId: string, domainId: string) {
  if (idField.safeParse(domainId).success) {
    await tx.$queryRaw`SELECT id FROM organization_domains WHERE id = ${domainId}::uuid AND organization_id = ${organizationId}::uuid FOR UPDATE`;
  }
  return getDomain(tx, organizationId, domainId);
}

/**
 * Refuses a domain another organization holds verified: two directories must never
 * manage the same accounts. Saying so reveals only that the domain is taken, which its
 * rightful owner needs to hear to ask an administrator.
 */
export async function assertNotVerifiedElsewhere(tx: Tx, organizationId: string, domain: string): Promise<void> {
  const holder = await tx.organizationDomain.count({
    where: { domain, verifiedAt: { not: null }, organizationId: { not: organizationId } },
  });
  if (holder > 0) {
    const message = `${domain} is verified by another organization.`;
    throw new AppError("conflict", message, { fieldErrors: [{ field: "domain", message }] });
  }
}
