import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { scimUrn } from "@/lib/scim/schema-urns";
import { findSessionActor } from "@/lib/services/auth/find-session-actor";
import { addOrganizationDomain } from "@/lib/services/organization-domains/add-organization-domain";
import { removeOrganizationDomain } from "@/lib/services/organization-domains/remove-organization-domain";
import { uniqueDomain } from "@/tests/support/domains";
import { createUser } from "@/tests/support/factories";
import { organizationWithScimToken } from "@/tests/support/scim";

const userBody = (email: string, extra: Record<string, unknown> = {}) => ({
  schemas: [scimUrn.user],
  userName: email,
  emails: [{ value: email, type: "work", primary: true }],
  ...extra,
});
const refusal = {
  schemas: [scimUrn.error],
  status: "403",
  detail: expect.stringMatching(/^This directory may only manage addresses in its organization's verified domains/),
};
const outsider = (label = "attacker") => `${label}-${randomUUID()}@evil-${randomUUID().slice(0, 8)}.test`;

/** A browser session of the user, by its secret, as the cookie would carry it. */
async function openSession(userId: string): Promise<string> {
  const secret = generateToken();
  await db().session.create({ data: { sessionToken: hashToken(secret), userId, expires: new Date(Date.now() + 3_600_000) } });
  return secret;
}

describe("a directory without verified domains", () => {
  it("provisions nobody, and a domain claimed but not verified does not count", async () => {
    const { scim, organization, owner } = await organizationWithScimToken({ domains: [] });
    const domain = uniqueDomain();
    const email = `newhire-${randomUUID()}@${domain}`;
    const refused = await scim("POST", "/scim/v2/Users", userBody(email));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject(refusal);
    await addOrganizationDomain({ actor: owner, organizationId: organization.id, data: { domain } });
    expect((await scim("POST", "/scim/v2/Users", userBody(email))).status).toBe(403);
    expect(await db().user.count({ where: { email } })).toBe(0);
  });
});

describe("an account the directory made", () => {
  it("cannot be moved to an address outside the verified domains, so its owner keeps it", async () => {
    const { scim, address } = await organizationWithScimToken();
    const email = address("newhire");
    const created = await scim("POST", "/scim/v2/Users", userBody(email));
    expect(created.status).toBe(201);
    const userId = String(created.body.id);
    // The real owner of the address resets the password and signs in.
    await db().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword("owner's own passphrase 1") } });
    await openSession(userId);

    const attacker = outsider();
    const put = await scim("PUT", `/scim/v2/Users/${userId}`, userBody(attacker));
    expect(put.status).toBe(403);
    expect(put.body).toMatchObject(refusal);
    const patch = await scim("PATCH", `/scim/v2/Users/${userId}`, {
      schemas: [scimUrn.patchOp],
      Operations: [{ op: "Replace", path: 'emails[type eq "work"].value', value: attacker }],
    });
    expect(patch.status).toBe(403);
    expect(await db().user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ email });
    expect(await db().session.count({ where: { userId } })).toBe(1);
  });

  it("moved to another address of the verified domains is signed out everywhere, and its old address is told", async () => {
    const { scim, address, organization, token } = await organizationWithScimToken();
    const before = address("jane.doe");
    const after = address("jane.smith");
    const userId = String((await scim("POST", "/scim/v2/Users", userBody(before))).body.id);
    const secret = await openSession(userId);
    const apiToken = await db().apiToken.create({
      data: { userId, name: "cli", prefix: "umt_x", tokenHash: randomUUID(), scopes: ["read"], organizationId: null },
    });
    await db().oneTimeToken.create({
      data: { userId, purpose: "password_reset", tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 3_600_000) },
    });

    const moved = await scim("PUT", `/scim/v2/Users/${userId}`, userBody(after));
    expect(moved.status).toBe(200);
    expect(moved.body.emails).toEqual([{ value: after, type: "work", primary: true }]);
    expect(await db().user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ email: after });
    expect(await findSessionActor(secret)).toBeNull();
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).revokedAt).not.toBeNull();
    expect(await db().oneTimeToken.count({ where: { userId, usedAt: null } })).toBe(0);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "user.email_changed", targetId: userId } });
    expect(event).toMatchObject({ actorType: "scim_token", actorId: token.id, organizationId: organization.id });
    expect(event.before).toEqual({ email: before });
    expect(event.after).toEqual({ email: after, sessionsEnded: 1, apiCredentialsRevoked: 1 });
    expect(await db().mailMessage.count({ where: { to: before, subject: "Your email address was changed" } })).toBe(1);
  });

  it("whose address left the verified domains can still be let go, but is no longer disabled or changed", async () => {
    const second = uniqueDomain("second");
    const { scim, address, organization, owner } = await organizationWithScimToken({ domains: [uniqueDomain(), second] });
    const userId = String((await scim("POST", "/scim/v2/Users", userBody(`leaver-${randomUUID()}@${second}`))).body.id);
    const domain = await db().organizationDomain.findFirstOrThrow({ where: { organizationId: organization.id, domain: second } });
    await removeOrganizationDomain({ actor: owner, organizationId: organization.id, domainId: domain.id });

    expect((await scim("PUT", `/scim/v2/Users/${userId}`, userBody(address()))).status).toBe(403);
    expect((await scim("DELETE", `/scim/v2/Users/${userId}`)).status).toBe(204);
    expect(await db().membership.count({ where: { userId, organizationId: organization.id } })).toBe(0);
    expect(await db().user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ status: "active" });
  });
});

describe("an existing account outside the verified domains", () => {
  it("cannot be linked, and the answer is the same as for an address nobody registered", async () => {
    const { scim, organization } = await organizationWithScimToken();
    const adminDomain = uniqueDomain("installation");
    const { user: superadmin } = await createUser({ role: "superadmin", email: `admin-${randomUUID()}@${adminDomain}` });
    await db().user.update({ where: { id: superadmin.id }, data: { name: "Administrator" } });
    const { user: admin } = await createUser({ role: "admin", email: `ops-${randomUUID()}@${adminDomain}` });
    const secret = await openSession(superadmin.id);

    const registered = await scim("POST", "/scim/v2/Users", userBody(superadmin.email));
    const unregistered = await scim("POST", "/scim/v2/Users", userBody(`admin-${randomUUID()}@${adminDomain}`));
    expect(registered.status).toBe(403);
    expect(registered.body).toMatchObject(refusal);
    expect(unregistered.status).toBe(registered.status);
    expect(unregistered.body).toEqual(registered.body);
    expect(JSON.stringify(registered.body)).not.toContain("Administrator");
    expect((await scim("POST", "/scim/v2/Users", userBody(admin.email))).body).toEqual(registered.body);

    // Nor can the organization's second-factor rule then reach the installation's administrators.
    await db().organization.update({ where: { id: organization.id }, data: { mfaRequired: true } });
    expect(await db().membership.count({ where: { organizationId: organization.id, userId: { in: [superadmin.id, admin.id] } } })).toBe(0);
    expect(await findSessionActor(secret)).toMatchObject({ userId: superadmin.id, mustEnrollSecondFactor: false });
  });
});
