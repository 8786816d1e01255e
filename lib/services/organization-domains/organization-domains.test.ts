import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { organizationDomainCreateSchema } from "@/lib/schemas/organization-domain";
import { addOrganizationDomain } from "@/lib/services/organization-domains/add-organization-domain";
import { findOrganizationDomains } from "@/lib/services/organization-domains/find-organization-domains";
import { removeOrganizationDomain } from "@/lib/services/organization-domains/remove-organization-domain";
import { verifyOrganizationDomain } from "@/lib/services/organization-domains/verify-organization-domain";
import { deleteOrganization } from "@/lib/services/organizations/delete-organization";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";
import { startDnsServer, type DnsServer } from "@/tests/support/dns-server";
import { uniqueDomain } from "@/tests/support/domains";
import { createUser, freshSessionActor } from "@/tests/support/factories";
import { createOrganizationFor } from "@/tests/support/organizations";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));

let dns: DnsServer;
beforeAll(async () => {
  dns = await startDnsServer();
});
afterAll(() => dns.close());
afterEach(() => {
  resetConfigOverrides();
  dns.behaviour = "answer";
});

async function ownerWithOrganization() {
  const owner = await freshSessionActor((await createUser()).user);
  return { owner, organization: await createOrganizationFor(owner) };
}

/** Publishes the record an added domain's answer names, as its owner would at their DNS host. */
const publish = (record: { name: string; value: string }, ...others: string[]) => dns.records.set(record.name, [...others, record.value]);

describe("adding a domain", () => {
  it("stores it lower-case and in punycode, pending, and names the TXT record to publish", async () => {
    const { owner, organization } = await ownerWithOrganization();
    const label = uniqueDomain("bücher").split(".")[0]!;
    // Parsed as the API and the form parse it.
    const data = organizationDomainCreateSchema.parse({ domain: `${label.toUpperCase()}.Example` });
    const added = await addOrganizationDomain({ actor: owner, organizationId: organization.id, data });
    expect(added).toMatchObject({
      domain: `${new URL(`http://${label}.example`).hostname}`,
      status: "pending",
      verifiedAt: null,
      verificationMethod: null,
      record: {
        type: "TXT",
        name: `_usermanager-challenge.${added.domain}`,
        value: expect.stringMatching(/^usermanager-verification=\S{43}$/),
      },
    });
    expect(added.domain).toMatch(/^xn--/);
    expect(await findOrganizationDomains({ actor: owner, organizationId: organization.id })).toEqual([added]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "domain.added", targetId: added.id } });
    expect(audit).toMatchObject({ actorId: owner.userId, organizationId: organization.id });
    await expect(
      addOrganizationDomain({ actor: owner, organizationId: organization.id, data: { domain: added.domain } }),
    ).rejects.toMatchObject({ status: 409, fieldErrors: [{ field: "domain" }] });
  });
});

describe("verifying a domain through DNS", () => {
  it("succeeds once the TXT record is published, beside other records, and is audited", async () => {
    configOverrides.DNS_RESOLVER = [dns.address];
    const { owner, organization } = await ownerWithOrganization();
    const added = await addOrganizationDomain({ actor: owner, organizationId: organization.id, data: { domain: uniqueDomain() } });
    const verify = () => verifyOrganizationDomain({ actor: owner, organizationId: organization.id, domainId: added.id, data: {} });

    await expect(verify()).rejects.toMatchObject({ status: 422, message: expect.stringContaining(added.record.name) });
    dns.records.set(added.record.name, ["usermanager-verification=someone-elses-token", "v=spf1 -all"]);
    await expect(verify()).rejects.toMatchObject({ status: 422 });
    publish(added.record, "v=spf1 -all");
    const verified = await verify();
    expect(verified).toMatchObject({ status: "verified", verificationMethod: "dns", verifiedAt: expect.any(String) });
    expect(dns.queries).toContain(added.record.name);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "domain.verified", targetId: added.id } });
    expect(audit).toMatchObject({ actorId: owner.userId, organizationId: organization.id });
    // Verifying again asks DNS nothing and changes nothing.
    dns.records.delete(added.record.name);
    expect(await verify()).toEqual(verified);
  });

  it("answers a clear 422, never a 500 or a hang, when the DNS server fails or stays silent", async () => {
    configOverrides.DNS_RESOLVER = [dns.address];
    const { owner, organization } = await ownerWithOrganization();
    const added = await addOrganizationDomain({ actor: owner, organizationId: organization.id, data: { domain: uniqueDomain() } });
    publish(added.record);
    const verify = () => verifyOrganizationDomain({ actor: owner, organizationId: organization.id, domainId: added.id, data: {} });
    dns.behaviour = "servfail";
    await expect(verify()).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/could not look the name up/) });
    dns.behaviour = "silent";
    await expect(verify()).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/did not answer in time/) });
    expect((await findOrganizationDomains({ actor: owner, organizationId: organization.id }))[0]).toMatchObject({ status: "pending" });
  });

  it("is limited per organization, so the server cannot be used to probe DNS", async () => {
    configOverrides.DNS_RESOLVER = [dns.address];
    const { owner, organization } = await ownerWithOrganization();
    const added = await addOrganizationDomain({ actor: owner, organizationId: organization.id, data: { domain: uniqueDomain() } });
    const verify = () => verifyOrganizationDomain({ actor: owner, organizationId: organization.id, domainId: added.id, data: {} });
    for (let attempt = 0; attempt < 20; attempt++) await expect(verify()).rejects.toMatchObject({ status: 422 });
    publish(added.record);
    await expect(verify()).rejects.toMatchObject({ status: 429 });
  });
});

describe("trusting a domain without DNS", () => {
  it("is for superadmins only: an owner and a global admin are refused", async () => {
    const { owner, organization } = await ownerWithOrganization();
    const added = await addOrganizationDomain({ actor: owner, organizationId: organization.id, data: { domain: uniqueDomain() } });
    const trust = (actor: typeof owner) =>
      verifyOrganizationDomain({ actor, organizationId: organization.id, domainId: added.id, data: { trust: true } });
    await expect(trust(owner)).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/Only a superadmin/) });
    const admin = await freshSessionActor((await createUser({ role: "admin" })).user);
    await expect(trust(admin)).rejects.toMatchObject({ status: 403 });
    const superadmin = await freshSessionActor((await createUser({ role: "superadmin" })).user);
    const trusted = await trust(superadmin);
    expect(trusted).toMatchObject({ status: "verified", verificationMethod: "trusted" });
    expect(await db().organizationDomain.findUniqueOrThrow({ where: { id: added.id } })).toMatchObject({ verifiedById: superadmin.userId });
  });
});

describe("one domain, two organizations", () => {
  it("can be claimed by both but verified by one; removing or deleting releases it", async () => {
    const a = await ownerWithOrganization();
    const b = await ownerWithOrganization();
    const superadmin = await freshSessionActor((await createUser({ role: "superadmin" })).user);
    const domain = uniqueDomain();
    const claimedByA = await addOrganizationDomain({ actor: a.owner, organizationId: a.organization.id, data: { domain } });
    const claimedByB = await addOrganizationDomain({ actor: b.owner, organizationId: b.organization.id, data: { domain } });
    expect(claimedByA.record.value).not.toBe(claimedByB.record.value);
    const trust = (organizationId: string, domainId: string) =>
      verifyOrganizationDomain({ actor: superadmin, organizationId, domainId, data: { trust: true } });
    await trust(a.organization.id, claimedByA.id);
    await expect(trust(b.organization.id, claimedByB.id)).rejects.toMatchObject({ status: 409 });
    const c = await ownerWithOrganization();
    await expect(addOrganizationDomain({ actor: c.owner, organizationId: c.organization.id, data: { domain } })).rejects.toMatchObject({
      status: 409,
      message: `${domain} is verified by another organization.`,
    });

    await removeOrganizationDomain({ actor: a.owner, organizationId: a.organization.id, domainId: claimedByA.id });
    expect(await db().auditEvent.count({ where: { action: "domain.removed", targetId: claimedByA.id } })).toBe(1);
    const verifiedByB = await trust(b.organization.id, claimedByB.id);
    await deleteOrganization({ actor: b.owner, organizationId: b.organization.id });
    expect(await db().organizationDomain.count({ where: { id: verifiedByB.id } })).toBe(0);
    const reclaimed = await addOrganizationDomain({ actor: c.owner, organizationId: c.organization.id, data: { domain } });
    expect(await trust(c.organization.id, reclaimed.id)).toMatchObject({ status: "verified" });
  });

  it("answers another organization's domain id as not found", async () => {
    const a = await ownerWithOrganization();
    const b = await ownerWithOrganization();
    const theirs = await addOrganizationDomain({ actor: b.owner, organizationId: b.organization.id, data: { domain: uniqueDomain() } });
    await expect(
      removeOrganizationDomain({ actor: a.owner, organizationId: a.organization.id, domainId: theirs.id }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      verifyOrganizationDomain({ actor: a.owner, organizationId: a.organization.id, domainId: "not-an-id", data: {} }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
