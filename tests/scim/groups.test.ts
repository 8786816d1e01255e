import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { scimUrn } from "@/lib/scim/schema-urns";
import { updateGroup } from "@/lib/services/groups/update-group";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";
import { actorFor } from "@/tests/support/factories";
import { createCustomRole } from "@/tests/support/organizations";
import { organizationWithScimToken } from "@/tests/support/scim";

const patch = (...operations: Record<string, unknown>[]) => ({ schemas: [scimUrn.patchOp], Operations: operations });
const deactivate = patch({ op: "replace", path: "active", value: false });
const reactivate = patch({ op: "replace", path: "active", value: true });

async function setUp() {
  const context = await organizationWithScimToken();
  const newUser = async () => {
    const email = context.address();
    const created = await context.scim("POST", "/scim/v2/Users", {
      schemas: [scimUrn.user],
      userName: email,
      emails: [{ value: email, primary: true }],
    });
    return { id: String(created.body.id), email };
  };
  const newGroup = async (displayName: string, members: string[] = [], extra: Record<string, unknown> = {}) =>
    context.scim("POST", "/scim/v2/Groups", {
      schemas: [scimUrn.group],
      displayName,
      members: members.map((value) => ({ value })),
      ...extra,
    });
  /** What the user may do in the organization now, decided by the one permission function. */
  const permissionsOf = async (user: { id: string; email: string }) =>
    authorizeOrganization(undefined, {
      actor: actorFor({ ...user, role: "user" }),
      organizationId: context.organization.id,
      permission: "organization:read",
    })
      .then((access) => access.permissions)
      .catch(() => null);
  return { ...context, newUser, newGroup, permissionsOf };
}

describe("SCIM groups are the organization's groups, not roles", () => {
  it("keeps a user in two groups, each listed on the user", async () => {
    const { newUser, newGroup, scim, organization } = await setUp();
    const user = await newUser();
    const first = await newGroup("Engineering", [user.id]);
    const second = await newGroup("On call", [user.id]);
    const read = await scim("GET", `/scim/v2/Users/${user.id}`);
    expect((read.body.groups as { value: string }[]).map((group) => group.value).sort()).toEqual([first.body.id, second.body.id].sort());
    for (const group of [first, second]) {
      expect((await scim("GET", `/scim/v2/Groups/${group.body.id}`)).body.members).toEqual([expect.objectContaining({ value: user.id })]);
    }
    // No role was made for either: groups are no longer roles.
    expect(await db().organizationRole.count({ where: { organizationId: organization.id, builtIn: false } })).toBe(0);
  });

  it("accepts names up to 256 characters, a built-in role's name, and keeps externalId", async () => {
    const { newGroup, scim } = await setUp();
    // Microsoft Entra ID's validator renames a group to 54 characters.
    const long = "A group name that is longer than fifty characters, 54!";
    const created = await newGroup(long, [], { externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159" });
    expect(created.body).toMatchObject({ displayName: long, externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159" });
    expect((await newGroup("x".repeat(256))).status).toBe(201);
    expect((await newGroup("x".repeat(257))).status).toBe(400);
    expect((await newGroup("owner")).status).toBe(201);
    expect((await newGroup("owner")).body).toMatchObject({ status: "409", scimType: "uniqueness" });
    expect((await newGroup("Other", [], { externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159" })).body).toMatchObject({ status: "409" });
    const found = await scim("GET", `/scim/v2/Groups?filter=${encodeURIComponent('externalId eq "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159"')}`);
    expect(found.body.Resources?.map((group) => group.id)).toEqual([created.body.id]);
    const renamed = await scim(
      "PATCH",
      `/scim/v2/Groups/${created.body.id}`,
      patch({ op: "replace", path: "externalId", value: "new-id" }),
    );
    expect(renamed.body).toMatchObject({ externalId: "new-id", displayName: long });
  });

  it("grants its roles to its members, the union with their own, and keeps them through a deactivation", async () => {
    const { newUser, newGroup, scim, organization, owner, permissionsOf } = await setUp();
    const user = await newUser();
    const group = await newGroup("Auditors", [user.id]);
    expect(await permissionsOf(user)).not.toContain("audit:read");
    await createCustomRole(organization.id, "Audit readers", ["audit:read"]);
    await updateGroup({
      actor: owner,
      organizationId: organization.id,
      groupId: String(group.body.id),
      data: { roles: ["Audit readers"] },
    });
    expect(await permissionsOf(user)).toEqual(expect.arrayContaining(["audit:read", "members:read"]));

    await scim("PATCH", `/scim/v2/Users/${user.id}`, deactivate);
    expect(await permissionsOf(user)).toBeNull();
    expect((await scim("GET", `/scim/v2/Groups/${group.body.id}`)).body.members).toEqual([expect.objectContaining({ value: user.id })]);
    await scim("PATCH", `/scim/v2/Users/${user.id}`, reactivate);
    expect(await permissionsOf(user)).toContain("audit:read");

    await scim("PATCH", `/scim/v2/Groups/${group.body.id}`, patch({ op: "remove", path: `members[value eq "${user.id}"]` }));
    expect(await permissionsOf(user)).not.toContain("audit:read");
  });

  it("lets a deactivated user be added to a group", async () => {
    const { newUser, newGroup, scim } = await setUp();
    const user = await newUser();
    await scim("PATCH", `/scim/v2/Users/${user.id}`, deactivate);
    const group = await newGroup("Alumni");
    const added = await scim(
      "PATCH",
      `/scim/v2/Groups/${group.body.id}`,
      patch({ op: "add", path: "members", value: [{ value: user.id }] }),
    );
    expect(added.status).toBe(200);
    expect(added.body.members).toEqual([expect.objectContaining({ value: user.id })]);
  });

  it("never lets the directory change who is in a group granting admin, nor delete it", async () => {
    const { newUser, newGroup, scim, organization, owner } = await setUp();
    const user = await newUser();
    const group = await newGroup("Administrators");
    await updateGroup({ actor: owner, organizationId: organization.id, groupId: String(group.body.id), data: { roles: ["admin"] } });
    const added = await scim(
      "PATCH",
      `/scim/v2/Groups/${group.body.id}`,
      patch({ op: "add", path: "members", value: [{ value: user.id }] }),
    );
    expect(added.body).toMatchObject({ status: "400", scimType: "mutability" });
    expect((await scim("DELETE", `/scim/v2/Groups/${group.body.id}`)).body).toMatchObject({ status: "400", scimType: "mutability" });
    expect(await db().groupMember.count({ where: { groupId: String(group.body.id) } })).toBe(0);
    // Renaming changes nobody's rights.
    const renamed = await scim("PATCH", `/scim/v2/Groups/${group.body.id}`, patch({ op: "replace", path: "displayName", value: "Admins" }));
    expect(renamed.body.displayName).toBe("Admins");
  });

  it("takes a deleted user out of the organization's groups, and a deleted group's members lose what it granted", async () => {
    const { newUser, newGroup, scim, organization, owner, permissionsOf } = await setUp();
    const [kept, deleted] = [await newUser(), await newUser()];
    const group = await newGroup("Readers", [kept.id, deleted.id]);
    await createCustomRole(organization.id, "Audit", ["audit:read"]);
    await updateGroup({ actor: owner, organizationId: organization.id, groupId: String(group.body.id), data: { roles: ["Audit"] } });
    await scim("DELETE", `/scim/v2/Users/${deleted.id}`);
    expect(await db().groupMember.count({ where: { userId: deleted.id } })).toBe(0);
    expect(await permissionsOf(kept)).toContain("audit:read");
    expect((await scim("DELETE", `/scim/v2/Groups/${group.body.id}`)).status).toBe(204);
    expect(await permissionsOf(kept)).not.toContain("audit:read");
    const events = await db().auditEvent.findMany({ where: { targetId: String(group.body.id) }, orderBy: { at: "asc" } });
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(["group.created", "group.member_added", "group.updated", "group.member_removed", "group.deleted"]),
    );
  });
});
