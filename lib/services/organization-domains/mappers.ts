import type { OrganizationDomain } from "@/lib/generated/prisma/client";
import type { OrganizationDomainPublic } from "@/lib/schemas/organization-domain";

/** Where the challenge is published: a name of its own, so it never clashes with the domain's other TXT records (SPF, DMARC). */
export const challengeRecordName = (domain: string) => `_usermanager-challenge.${domain}`;

/** The TXT value that proves control; the token is random per domain and organization. */
export const challengeRecordValue = (token: string) => `usermanager-verification=${token}`;

/** The only way a domain leaves the service layer, with the record its owners publish. */
export function toOrganizationDomainPublic(row: OrganizationDomain): OrganizationDomainPublic {
  return {
    id: row.id,
    organizationId: row.organizationId,
    domain: row.domain,
    status: row.verifiedAt ? "verified" : "pending",
    verifiedAt: row.verifiedAt ? row.verifiedAt.toISOString() : null,
    verificationMethod: row.verificationMethod,
    record: { type: "TXT", name: challengeRecordName(row.domain), value: challengeRecordValue(row.verificationToken) },
    createdAt: row.createdAt.toISOString(),
  };
}
