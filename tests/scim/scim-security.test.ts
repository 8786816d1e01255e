import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { scimUrn } from "@/lib/scim/schema-urns";
import { revokeScimToken } from "@/lib/services/scim-tokens/revoke-scim-token";
import { createUser } from "@/tests/support/factories";
import { addMembership } from "@/tests/support/organizations";
import { organizationWithScimToken, scimRequest } from "@/tests/support/scim";

const userBody = (email: string, extra: Record<string, unknown> = {}) => ({
  schemas: [scimUrn.user],
  userName: email,
  emails: [{ value: email, primary: true }],
  ...extra,
});
const deactivate = { schemas: [scimUrn.patchOp], Operations: [{ op: "replace", path: "active", value: false }] };

describe("SCIM tokens", () => {
  it("answer 401 with a SCIM error when missing, unknown, a personal access token, or revoked", async () => {
    const { owner, organization, token, scim, address } = await organizationWithScimToken();
    expect((await scim("GET", "/scim/v2/Users")).status).toBe(200);
    for (const bearer of [null, "scim_unknown", "umt_personal"]) {
      const answer = await scimRequest(bearer, "GET", "/scim/v2/Users");
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ schemas: [scimUrn.error], status: "401" });
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    await revokeScimToken({ actor: owner, organizationId: organization.id, tokenId: token.id });
    expect((await scim("GET", "/scim/v2/Users")).status).toBe(401);
    expect((await scim("POST", "/scim/v2/Users", userBody(address()))).status).toBe(401);
  });

  it("stop working when their organization is deleted", async () => {
    const { organization, scim } = await organizationWithScimToken();
    await db().organization.update({ where: { id: organization.id }, data: { deletedAt: new Date() } });
    expect((await scim("GET", "/scim/v2/Users")).status).toBe(401);
  });
});

describe("one organization's token", () => {
  it("cannot see or change another organization's users or groups: 404, and they are not listed", async () => {
    const a = await organizationWithScimToken();
    const b = await organizationWithScimToken();
    const email = b.address("theirs");
    const theirs = await b.scim("POST", "/scim/v2/Users", userBody(email));
    const theirGroup = await b.scim("POST", "/scim/v2/Groups", { schemas: [scimUrn.group], displayName: "Theirs" });
    for (const [method, body] of [["GET"], ["PUT", userBody(email)], ["PATCH", deactivate], ["DELETE"]] as const) {
      const answer = await a.scim(method, `/scim/v2/Users/${theirs.body.id}`, body);
      expect({ method, status: answer.status }).toEqual({ method, status: 404 });
    }
    expect((await a.scim("GET", `/scim/v2/Groups/${theirGroup.body.id}`)).status).toBe(404);
    expect((await a.scim("DELETE", `/scim/v2/Groups/${theirGroup.body.id}`)).status).toBe(404);
    const filtered = await a.scim(
      "GET",
      `/scim/v2/Users?filter=${encodeURIComponent(`emails.value eq "${email}" or id eq "${theirs.body.id}"`)}`,
    );
    expect(filtered.body.totalResults).toBe(0);
    const mine = await a.scim("POST", "/scim/v2/Groups", { schemas: [scimUrn.group], displayName: "Mine" });
    const smuggled = await a.scim("PATCH", `/scim/v2/Groups/${mine.body.id}`, {
      schemas: [scimUrn.patchOp],
      Operations: [{ op: "add", path: "members", value: [{ value: theirs.body.id }] }],
    });
    expect(smuggled.body).toMatchObject({ status: "400", scimType: "invalidValue" });
    expect(await db().membership.count({ where: { userId: String(theirs.body.id), organizationId: a.organization.id } })).toBe(0);
  });

  it("never shows the organization's built-in roles as groups", async () => {
    const { organization, scim } = await organizationWithScimToken();
    const owner = await db().organizationRole.findFirstOrThrow({ where: { organizationId: organization.id, name: "owner" } });
    expect((await scim("GET", `/scim/v2/Groups/${owner.id}`)).status).toBe(404);
    expect((await scim("GET", "/scim/v2/Groups")).body.totalResults).toBe(0);
  });
});

describe("provisioning and deprovisioning", () => {
  it("links an existing account by email, and leaves it enabled when the directory lets it go", async () => {
    const { organization, scim, address } = await organizationWithScimToken();
    const { user } = await createUser({ email: address() });
    const linked = await scim(
      "POST",
      "/scim/v2/Users",
      userBody(user.email.toUpperCase(), { name: { givenName: "Renamed" }, password: "ignored-Pa55word" }),
    );
    expect(linked.status).toBe(201);
    expect(linked.body.id).toBe(user.id);
    expect(await db().user.count({ where: { email: user.email } })).toBe(1);
    const account = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(account.passwordHash).toBe(user.passwordHash);
    expect(account.name).toBe(user.name);
    expect(await db().membership.count({ where: { userId: user.id, organizationId: organization.id } })).toBe(1);
    await db().session.create({ data: { sessionToken: randomUUID(), userId: user.id, expires: new Date(Date.now() + 3_600_000) } });
    expect((await scim("DELETE", `/scim/v2/Users/${user.id}`)).status).toBe(204);
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ status: "active" });
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);
    expect(await db().membership.count({ where: { userId: user.id, organizationId: organization.id } })).toBe(0);
  });

  it("disables an account it made when deactivating it, ending its sessions, and enables it again on reactivation", async () => {
    const { scim, address } = await organizationWithScimToken();
    const created = await scim("POST", "/scim/v2/Users", userBody(address()));
    const userId = String(created.body.id);
    expect(await db().user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({
      status: "active",
      role: "user",
      passwordHash: null,
    });
    await db().session.create({ data: { sessionToken: randomUUID(), userId, expires: new Date(Date.now() + 3_600_000) } });
    const inactive = await scim("PATCH", `/scim/v2/Users/${userId}`, deactivate);
    expect(inactive.body.active).toBe(false);
    expect(await db().user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ status: "disabled" });
    expect(await db().session.count({ where: { userId } })).toBe(0);
    const active = await scim("PATCH", `/scim/v2/Users/${userId}`, {
      schemas: [scimUrn.patchOp],
      Operations: [{ op: "Replace", path: "active", value: "True" }],
    });
    expect(active.body.active).toBe(true);
    expect(await db().user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ status: "active" });
  });

  it("keeps an account it made enabled while it belongs to another organization, but revokes tokens limited to this one", async () => {
    const { organization, scim, address } = await organizationWithScimToken();
    const created = await scim("POST", "/scim/v2/Users", userBody(address()));
    const userId = String(created.body.id);
    const elsewhere = await organizationWithScimToken();
    await addMembership(elsewhere.organization.id, userId, "member");
    const token = await db().apiToken.create({
      data: { userId, name: "t", prefix: "umt_x", tokenHash: randomUUID(), scopes: ["read"], organizationId: organization.id },
    });
    const other = await db().apiToken.create({
      data: { userId, name: "u", prefix: "umt_y", tokenHash: randomUUID(), scopes: ["read"], organizationId: null },
    });
    await scim("PATCH", `/scim/v2/Users/${userId}`, deactivate);
    expect(await db().user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ status: "active" });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).not.toBeNull();
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: other.id } })).revokedAt).toBeNull();
  });

  it("never disables a global administrator nor touches a global role", async () => {
    const { scim, address } = await organizationWithScimToken();
    const { user: superadmin } = await createUser({ role: "superadmin", email: address("superadmin") });
    await scim("POST", "/scim/v2/Users", userBody(superadmin.email, { roles: [{ value: "user" }], "urn:custom:role": "user" }));
    await scim("PATCH", `/scim/v2/Users/${superadmin.id}`, {
      schemas: [scimUrn.patchOp],
      Operations: [{ op: "replace", value: { active: false, emails: [{ value: address(), primary: true }] } }],
    });
    expect(await db().user.findUniqueOrThrow({ where: { id: superadmin.id } })).toMatchObject({
      status: "active",
      role: "superadmin",
      email: superadmin.email,
    });
    expect((await scim("DELETE", `/scim/v2/Users/${superadmin.id}`)).status).toBe(204);
    expect(await db().user.findUniqueOrThrow({ where: { id: superadmin.id } })).toMatchObject({ status: "active", role: "superadmin" });

    // An account the directory made and an administrator later promoted stays enabled too.
    const made = await scim("POST", "/scim/v2/Users", userBody(address()));
    await db().user.update({ where: { id: String(made.body.id) }, data: { role: "admin" } });
    await scim("PATCH", `/scim/v2/Users/${made.body.id}`, deactivate);
    expect(await db().user.findUniqueOrThrow({ where: { id: String(made.body.id) } })).toMatchObject({ status: "active", role: "admin" });
  });

  it("refuses to deactivate the last owner, with a clear error; a group never changes an owner's own role", async () => {
    const { ownerUser, organization, scim } = await organizationWithScimToken();
    const linked = await scim("POST", "/scim/v2/Users", userBody(ownerUser.email));
    expect(linked.body.active).toBe(true);
    const refused = await scim("PATCH", `/scim/v2/Users/${ownerUser.id}`, deactivate);
    expect(refused.body).toMatchObject({
      schemas: [scimUrn.error],
      status: "400",
      scimType: "mutability",
      detail: expect.stringMatching(/last owner/),
    });
    const grouped = await scim("POST", "/scim/v2/Groups", {
      schemas: [scimUrn.group],
      displayName: "Staff",
      members: [{ value: ownerUser.id }],
    });
    expect(grouped.status).toBe(201);
    await scim("DELETE", `/scim/v2/Groups/${grouped.body.id}`);
    expect((await scim("DELETE", `/scim/v2/Users/${ownerUser.id}`)).status).toBe(400);
    const membership = await db().membership.findFirstOrThrow({
      where: { userId: ownerUser.id, organizationId: organization.id },
      include: { role: true },
    });
    expect(membership.role.name).toBe("owner");
  });
});

describe("the audit log", () => {
  it("records every change with the token as the actor, in the organization's log", async () => {
    const { organization, token, scim, address } = await organizationWithScimToken();
    const created = await scim("POST", "/scim/v2/Users", userBody(address()));
    await scim("PATCH", `/scim/v2/Users/${created.body.id}`, deactivate);
    const events = await db().auditEvent.findMany({ where: { actorId: token.id }, orderBy: { at: "asc" } });
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(["user.created", "scim.user_created", "member.added", "scim.user_updated", "member.removed", "user.disabled"]),
    );
    for (const event of events)
      expect(event).toMatchObject({ actorType: "scim_token", actorEmail: "Directory", organizationId: organization.id });
  });
});

describe("organizations without SCIM", () => {
  it("keep members the directory never provisioned out of reach", async () => {
    const { organization, scim } = await organizationWithScimToken();
    const { user } = await createUser();
    await addMembership(organization.id, user.id, "admin");
    expect((await scim("GET", `/scim/v2/Users/${user.id}`)).status).toBe(404);
    const group = await scim("POST", "/scim/v2/Groups", { schemas: [scimUrn.group], displayName: "Sneaky", members: [{ value: user.id }] });
    expect(group.body).toMatchObject({ status: "400", scimType: "invalidValue" });
    expect(
      (await db().membership.findFirstOrThrow({ where: { userId: user.id, organizationId: organization.id }, include: { role: true } }))
        .role.name,
    ).toBe("admin");
  });
});
