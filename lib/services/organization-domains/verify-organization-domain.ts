import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { OrganizationDomain } from "@/lib/generated/prisma/client";
import type { OrganizationDomainPublic, OrganizationDomainVerify } from "@/lib/schemas/organization-domain";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { findPublishedChallenges } from "@/lib/services/organization-domains/dns-challenge";
import { challengeRecordName, challengeRecordValue, toOrganizationDomainPublic } from "@/lib/services/organization-domains/mappers";
import { assertNotVerifiedElsewhere, getDomain, getDomainForUpdate } from "@/lib/services/organization-domains/rules";
import { enforceRateLimits } from "@/lib/services/rate-limit/consume-rate-limit";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";

/** DNS checks per organization and hour: enough to retry while a record spreads, too few to use the server as a DNS probe. */
const checksPerHour = 20;

/** The TXT record must be published: the proof that whoever asks controls the domain's DNS. */
async function checkDns(organizationId: string, row: OrganizationDomain): Promise<void> {
  await enforceRateLimits([{ key: `domain-verification:${organizationId}`, limit: checksPerHour, windowSeconds: 3600 }]);
  const expected = challengeRecordValue(row.verificationToken);
  const published = await findPublishedChallenges(row.domain);
  if (!published.some((value) => value.trim() === expected)) {
    throw new AppError(
      "validation_failed",
      `No TXT record "${expected}" at ${challengeRecordName(row.domain)} yet. Publish it, wait for it to reach DNS, and try again.`,
    );
  }
}

/**
 * Verifies one of the organization's domains (needs `domains:manage`): by finding its TXT
 * record in DNS, or, with `trust`, on a superadmin's word alone (installations without
 * DNS). Trusting hands every account at the domain to the organization's directory, a
 * power over users across the installation, so it takes `organizations:manage`, which
 * global admins lack, and a fresh confirmation. Verifying a verified domain changes nothing.
 */
export async function verifyOrganizationDomain({
  actor,
  organizationId,
  domainId,
  data,
}: {
  actor: Actor;
  organizationId: string;
  domainId: string;
  data: OrganizationDomainVerify;
}): Promise<OrganizationDomainPublic> {
  const { organization } = await authorizeOrganization(undefined, { actor, organizationId, permission: "domains:manage" });
  const row = await getDomain(db(), organization.id, domainId);
  if (data.trust) {
    if (!can(actor, "organizations:manage")) {
      throw new AppError("forbidden", "Only a superadmin may mark a domain verified without DNS; publish the TXT record instead.");
    }
  } else if (!row.verifiedAt) {
    await checkDns(organization.id, row);
  }
  return db().$transaction(async (tx) => {
    await authorizeOrganization(tx, { actor, organizationId, permission: "domains:manage" });
    const current = await getDomainForUpdate(tx, organization.id, domainId);
    if (current.verifiedAt) return toOrganizationDomainPublic(current);
    await assertNotVerifiedElsewhere(tx, organization.id, current.domain);
    const verified = await tx.organizationDomain.update({
      where: { id: current.id },
      data: { verifiedAt: new Date(), verificationMethod: data.trust ? "trusted" : "dns", verifiedById: actor.userId },
    });
    const result = toOrganizationDomainPublic(verified);
    await recordAuditEvent(tx, {
      action: "domain.verified",
      actor,
      target: { type: "organization_domain", id: verified.id },
      before: toOrganizationDomainPublic(current),
      after: result,
    });
    return result;
  });
}
