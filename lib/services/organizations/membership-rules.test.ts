import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteRole } from "@/lib/services/organization-roles/delete-role";
import { updateRole } from "@/lib/services/organization-roles/update-role";
import { listOrganizations } from "@/lib/services/organizations/list-organizations";
import { removeMember } from "@/lib/services/organizations/remove-member";
import { updateMember } from "@/lib/services/organizations/update-member";
import { updateOrganization } from "@/lib/services/organizations/update-organization";
import { revokeInvitation } from "@/lib/services/invitations/revoke-invitation";
import { createInvitation } from "@/lib/services/invitations/create-invitation";
import { actorFor, createUser, uniqueEmail } from "@/tests/support/factories";
import { addMembership, createCustomRole, createOrganizationFor } from "@/tests/support/organizations";

async function actor(role: "user" | "superadmin" = "user") {
  const { user } = await createUser({ role });
  return actorFor(user);
}

describe("creating an organization", () => {
  it("makes the caller its only owner, gives it the built-in roles and records the event", async () => {
    const owner = await actor();
    const organization = await createOrganizationFor(owner);
    const roles = await db().organizationRole.findMany({ where: { organizationId: organization.id }, orderBy: { name: "asc" } });
    expect(roles.map((role) => [role.name, role.builtIn])).toEqual([
      ["admin", true],
      ["member", true],
      ["owner", true],
    ]);
    const memberships = await db().membership.findMany({ where: { organizationId: organization.id }, include: { role: true } });
    expect(memberships.map((m) => [m.userId, m.role.name])).toEqual([[owner.userId, "owner"]]);
    expect(await db().auditEvent.count({ where: { action: "organization.created", targetId: organization.id } })).toBe(1);
  });

  it("lists only the caller's organizations, and only the token's one", async () => {
    const owner = await actor();
    const first = await createOrganizationFor(owner);
    const second = await createOrganizationFor(owner);
    await createOrganizationFor(await actor());
    const mine = await listOrganizations({ actor: owner, query: { limit: 20 } });
    expect(mine.data.map((o) => o.id)).toEqual([first.id, second.id]);
    expect(mine.total).toBe(2);
    const restricted = await listOrganizations({ actor: { ...owner, organizationId: second.id }, query: { limit: 20 } });
    expect(restricted.data.map((o) => o.id)).toEqual([second.id]);
    const firstPage = await listOrganizations({ actor: owner, query: { limit: 1 } });
    const nextPage = await listOrganizations({ actor: owner, query: { limit: 1, cursor: firstPage.nextCursor! } });
    expect(nextPage.data.map((o) => o.id)).toEqual([second.id]);
    expect(nextPage.nextCursor).toBeNull();
  });
});

describe("the last owner", () => {
  it("cannot leave, be removed or be demoted, until another owner exists", async () => {
    const owner = await actor();
    const { id } = await createOrganizationFor(owner);
    const superadmin = await actor("superadmin");
    await expect(removeMember({ actor: owner, organizationId: id, userId: owner.userId })).rejects.toMatchObject({ status: 409 });
    await expect(removeMember({ actor: superadmin, organizationId: id, userId: owner.userId })).rejects.toMatchObject({ status: 409 });
    await expect(updateMember({ actor: owner, organizationId: id, userId: owner.userId, data: { role: "admin" } })).rejects.toMatchObject({
      status: 409,
    });

    const second = await actor();
    await addMembership(id, second.userId, "owner");
    await removeMember({ actor: owner, organizationId: id, userId: owner.userId });
    expect(await db().membership.count({ where: { organizationId: id } })).toBe(1);
  });

  it("survives two owners demoting each other at the same moment", async () => {
    const first = await actor();
    const second = await actor();
    const { id } = await createOrganizationFor(first);
    await addMembership(id, second.userId, "owner");
    const results = await Promise.allSettled([
      updateMember({ actor: first, organizationId: id, userId: second.userId, data: { role: "member" } }),
      updateMember({ actor: second, organizationId: id, userId: first.userId, data: { role: "member" } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db().membership.count({ where: { organizationId: id, role: { name: "owner" } } })).toBe(1);
  });

  it("cannot be demoted or removed by an admin, who also cannot make owners", async () => {
    const owner = await actor();
    const admin = await actor();
    const { id } = await createOrganizationFor(owner);
    await addMembership(id, admin.userId, "admin");
    await addMembership(id, (await actor()).userId, "owner");
    await expect(updateMember({ actor: admin, organizationId: id, userId: owner.userId, data: { role: "member" } })).rejects.toMatchObject({
      status: 403,
    });
    await expect(removeMember({ actor: admin, organizationId: id, userId: owner.userId })).rejects.toMatchObject({ status: 403 });
    await expect(updateMember({ actor: admin, organizationId: id, userId: admin.userId, data: { role: "owner" } })).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe("one organization's ids in another", () => {
  it("are not found, whatever the caller may do in its own organization", async () => {
    const ownerA = await actor();
    const ownerB = await actor();
    const a = await createOrganizationFor(ownerA);
    const b = await createOrganizationFor(ownerB);
    const roleB = await createCustomRole(b.id, "b-role", []);
    const invitationB = await createInvitation({ actor: ownerB, organizationId: b.id, data: { email: uniqueEmail(), role: "member" } });
    const attempts = [
      () => updateMember({ actor: ownerA, organizationId: a.id, userId: ownerB.userId, data: { role: "member" } }),
      () => removeMember({ actor: ownerA, organizationId: a.id, userId: ownerB.userId }),
      () => updateRole({ actor: ownerA, organizationId: a.id, roleId: roleB.id, data: { name: "taken" } }),
      () => deleteRole({ actor: ownerA, organizationId: a.id, roleId: roleB.id }),
      () => revokeInvitation({ actor: ownerA, organizationId: a.id, invitationId: invitationB.id }),
      () => updateMember({ actor: ownerA, organizationId: a.id, userId: "not-a-uuid", data: { role: "member" } }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ status: 404 });
    expect(await db().organizationRole.findUnique({ where: { id: roleB.id } })).toMatchObject({ name: "b-role" });
  });
});

describe("concurrent edits", () => {
  it("refuse a stale version with 412", async () => {
    const owner = await actor();
    const organization = await createOrganizationFor(owner);
    await updateOrganization({
      actor: owner,
      organizationId: organization.id,
      data: { name: "First" },
      expectedVersion: organization.version,
    });
    await expect(
      updateOrganization({
        actor: owner,
        organizationId: organization.id,
        data: { name: "Second" },
        expectedVersion: organization.version,
      }),
    ).rejects.toMatchObject({ status: 412 });
  });
});
