import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { GlobalRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { addMember } from "@/lib/services/organizations/add-member";
import { actorFor, createUser, uniqueEmail } from "@/tests/support/factories";
import { appErrorOf } from "@/tests/support/errors";
import { createOrganizationFor } from "@/tests/support/organizations";

async function ownerOfNewOrganization(role: GlobalRole = "user") {
  const owner = actorFor((await createUser({ role })).user);
  const organization = await createOrganizationFor(owner);
  return { owner, organizationId: organization.id };
}

const isMember = async (organizationId: string, userId: string) =>
  (await db().membership.count({ where: { organizationId, userId } })) === 1;

/** The answer with what differs between any two invitations (ids, addresses, times) blanked. */
const shapeOf = (result: unknown) =>
  JSON.parse(JSON.stringify(result, (key, value) => (["id", "email", "expiresAt", "createdAt"].includes(key) ? "…" : value)));

describe("adding a member by email, as someone who just made an organization", () => {
  it("answers a registered and an unknown address alike, with an invitation each, and adds nobody", async () => {
    const { owner, organizationId } = await ownerOfNewOrganization();
    const { user: registered } = await createUser();
    const unknown = uniqueEmail("nobody");

    const known = await addMember({ actor: owner, organizationId, data: { email: registered.email, role: "member" } });
    const stranger = await addMember({ actor: owner, organizationId, data: { email: unknown, role: "member" } });

    expect(known.outcome).toBe("invited");
    expect(shapeOf(known)).toEqual(shapeOf(stranger));
    expect(await isMember(organizationId, registered.id)).toBe(false);
    for (const email of [registered.email, unknown]) {
      expect(await db().mailMessage.count({ where: { to: email, subject: { startsWith: "You are invited" } } })).toBe(1);
    }
  });

  it("cannot add by user id, whether or not the id exists", async () => {
    const { owner, organizationId } = await ownerOfNewOrganization();
    const { user } = await createUser();
    for (const userId of [user.id, randomUUID()]) {
      const error = await appErrorOf(addMember({ actor: owner, organizationId, data: { userId, role: "member" } }));
      expect([error.status, error.fieldErrors?.[0]?.field]).toEqual([403, "userId"]);
    }
    expect(await isMember(organizationId, user.id)).toBe(false);
  });

  it("still hides an organization the caller cannot see, by id or by email", async () => {
    const { organizationId } = await ownerOfNewOrganization();
    const outsider = actorFor((await createUser()).user);
    expect((await appErrorOf(addMember({ actor: outsider, organizationId, data: { userId: randomUUID(), role: "member" } }))).status).toBe(
      404,
    );
    expect((await appErrorOf(addMember({ actor: outsider, organizationId, data: { email: uniqueEmail(), role: "member" } }))).status).toBe(
      404,
    );
  });
});

describe("adding a member as a global administrator", () => {
  it.each(["admin", "superadmin"] as const)("adds an existing account at once (%s), and says when there is none", async (role) => {
    const { owner: administrator, organizationId } = await ownerOfNewOrganization(role);
    const { user } = await createUser();
    const added = await addMember({ actor: administrator, organizationId, data: { email: user.email, role: "member" } });
    expect(added).toMatchObject({ outcome: "added", member: { userId: user.id, role: { name: "member" } } });
    expect(await isMember(organizationId, user.id)).toBe(true);
    expect(
      (await appErrorOf(addMember({ actor: administrator, organizationId, data: { email: uniqueEmail(), role: "member" } }))).status,
    ).toBe(404);
  });

  it("invites instead when acting through a token limited to the organization", async () => {
    const { owner: administrator, organizationId } = await ownerOfNewOrganization("superadmin");
    const token: Actor = { ...administrator, via: "api_token", scopes: ["read", "write"], organizationId };
    const { user } = await createUser();
    expect((await addMember({ actor: token, organizationId, data: { email: user.email, role: "member" } })).outcome).toBe("invited");
    expect(await isMember(organizationId, user.id)).toBe(false);
  });
});
