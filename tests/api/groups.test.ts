import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { api, loadRoutes } from "@/tests/support/api";
import { organizationVia, signedInUser } from "@/tests/support/api-callers";
import { personalAccessToken, sessionCookie } from "@/tests/support/callers";
import { createUser } from "@/tests/support/factories";
import { addMembership, createCustomRole } from "@/tests/support/organizations";
import { bearer } from "@/tests/support/api-client";

beforeAll(loadRoutes);

/** An organization with its owner, and a plain member. */
async function organization() {
  const owner = await signedInUser();
  const id = await organizationVia(owner.as);
  const member = await signedInUser();
  await addMembership(id, member.user.id, "member");
  const groups = `/api/v1/organizations/${id}/groups`;
  return { owner, member, id, groups };
}

describe("groups through the API", () => {
  it("creates, lists, renames and deletes a group, with ETags, audit events and webhook events", async () => {
    const { owner, member, id, groups } = await organization();
    await createCustomRole(id, "Auditors", ["audit:read"]);
    const created = await api("POST", groups, {
      as: owner.as,
      body: { name: "Finance", description: "Money people", roles: ["Auditors"] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Finance", roles: [{ name: "Auditors" }], memberCount: 0, externalId: null });
    const group = `${groups}/${created.body!.id as string}`;

    const added = await api("POST", `${group}/members`, { as: owner.as, body: { email: member.user.email } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ userId: member.user.id, activeMember: true });
    expect((await api("GET", `/api/v1/organizations/${id}/audit-events`, { as: member.as })).status).toBe(200);

    const list = await api("GET", groups, { as: member.as });
    expect(list.body).toMatchObject({ total: 1, data: [{ name: "Finance", memberCount: 1 }] });
    const members = await api("GET", `${group}/members`, { as: member.as });
    expect(members.body).toMatchObject({ total: 1, data: [{ email: member.user.email }] });

    const etag = (await api("GET", group, { as: owner.as })).headers.get("etag")!;
    const renamed = await api("PATCH", group, { as: owner.as, body: { name: "F".repeat(256) }, headers: { "if-match": etag } });
    expect(renamed.status).toBe(200);
    expect((await api("PATCH", group, { as: owner.as, body: { name: "Stale" }, headers: { "if-match": etag } })).status).toBe(412);

    expect((await api("DELETE", `${group}/members/${member.user.id}`, { as: owner.as })).status).toBe(204);
    expect((await api("GET", `/api/v1/organizations/${id}/audit-events`, { as: member.as })).status).toBe(403);
    expect((await api("DELETE", group, { as: owner.as })).status).toBe(204);
    expect((await api("GET", group, { as: owner.as })).status).toBe(404);

    const events = await db().auditEvent.findMany({ where: { targetId: created.body!.id as string }, orderBy: { at: "asc" } });
    expect(events.map((event) => event.action)).toEqual([
      "group.created",
      "group.member_added",
      "group.updated",
      "group.member_removed",
      "group.deleted",
    ]);
    expect(events.every((event) => event.organizationId === id)).toBe(true);
  });

  it("answers bad input with a problem naming the field", async () => {
    const { owner, groups } = await organization();
    const cases: [unknown, string][] = [
      [{ name: "" }, "name"],
      [{ name: "x".repeat(257) }, "name"],
      [{ name: "Ok", roles: ["no such role"] }, "roles"],
      [{ name: "Ok", roles: ["owner"] }, "roles"],
      [{ name: "Ok", extra: true }, "extra"],
    ];
    for (const [body, field] of cases) {
      const answer = await api("POST", groups, { as: owner.as, body });
      expect({ body, status: answer.status, content: answer.headers.get("content-type") }).toMatchObject({
        status: 422,
        content: "application/problem+json",
      });
      expect(JSON.stringify(answer.body)).toContain(field);
    }
    expect((await api("POST", groups, { as: owner.as, body: { name: "Twice" } })).status).toBe(201);
    expect((await api("POST", groups, { as: owner.as, body: { name: "Twice" } })).status).toBe(409);
    const group = (await api("GET", groups, { as: owner.as })).body!.data as { id: string }[];
    const outsider = await createUser();
    const refused = await api("POST", `${groups}/${group[0]!.id}/members`, { as: owner.as, body: { userId: outsider.user.id } });
    expect(refused.status).toBe(422);
    expect((await api("DELETE", `${groups}/${group[0]!.id}/members/not-a-uuid`, { as: owner.as })).status).toBe(404);
  });

  it("neither lists nor counts a deleted account, which keeps its place for a restore", async () => {
    const { owner, member, groups } = await organization();
    const created = await api("POST", groups, { as: owner.as, body: { name: "Soon empty" } });
    const group = `${groups}/${created.body!.id as string}`;
    await api("POST", `${group}/members`, { as: owner.as, body: { userId: member.user.id } });
    await db().user.update({ where: { id: member.user.id }, data: { deletedAt: new Date() } });
    expect((await api("GET", `${group}/members`, { as: owner.as })).body).toMatchObject({ total: 0, data: [] });
    expect((await api("GET", group, { as: owner.as })).body).toMatchObject({ memberCount: 0 });
    expect(await db().groupMember.count({ where: { groupId: created.body!.id as string } })).toBe(1);
  });
});

describe("groups from the attacker's side", () => {
  it("keeps a member without groups:manage, and an admin, from granting more than they hold", async () => {
    const { owner, member, id, groups } = await organization();
    expect((await api("POST", groups, { as: member.as, body: { name: "Mine" } })).status).toBe(403);
    const admin = await signedInUser();
    await addMembership(id, admin.user.id, "admin");
    // scim:manage is the owners': an admin may neither make a group granting it nor join anyone to one.
    await createCustomRole(id, "Directory keepers", ["scim:manage"]);
    expect((await api("POST", groups, { as: admin.as, body: { name: "Keepers", roles: ["Directory keepers"] } })).status).toBe(403);
    const keepers = await api("POST", groups, { as: owner.as, body: { name: "Keepers", roles: ["Directory keepers"] } });
    const path = `${groups}/${keepers.body!.id as string}`;
    expect((await api("POST", `${path}/members`, { as: admin.as, body: { userId: admin.user.id } })).status).toBe(403);
    expect((await api("DELETE", path, { as: admin.as })).status).toBe(403);
    expect((await api("PATCH", path, { as: admin.as, body: { roles: [] } })).status).toBe(403);
    // An admin may run groups granting what it holds, e.g. admin itself, but never owner.
    const admins = await api("POST", groups, { as: admin.as, body: { name: "Admins", roles: ["admin"] } });
    expect(admins.status).toBe(201);
    expect(
      (await api("POST", `${groups}/${admins.body!.id as string}/members`, { as: admin.as, body: { userId: member.user.id } })).status,
    ).toBe(201);
  });

  it("refuses another organization's owner, a token limited to another organization, a read-only token and a view-as session", async () => {
    const { owner, groups } = await organization();
    const created = await api("POST", groups, { as: owner.as, body: { name: "Private" } });
    const group = `${groups}/${created.body!.id as string}`;
    const stranger = await signedInUser();
    const elsewhere = await organizationVia(stranger.as);
    const limited = bearer(await personalAccessToken(owner.user, { organizationId: elsewhere }));
    const readOnly = bearer(await personalAccessToken(owner.user, { scopes: ["read"] }));
    const viewer = await signedInUser("admin");
    const viewAs = { cookie: (await sessionCookie(owner.user, { impersonator: { id: viewer.user.id } })).cookie };

    for (const path of [groups, group, `${group}/members`]) expect((await api("GET", path, { as: stranger.as })).status).toBe(404);
    expect((await api("POST", `${group}/members`, { as: stranger.as, body: { userId: stranger.user.id } })).status).toBe(404);
    // The stranger's own organization does not know the group either.
    expect((await api("GET", `/api/v1/organizations/${elsewhere}/groups/${created.body!.id as string}`, { as: stranger.as })).status).toBe(
      404,
    );
    // A token limited to another organization cannot see this one at all; the others see it and may only look.
    for (const [as, status] of [
      [limited, 404],
      [readOnly, 403],
      [viewAs, 403],
    ] as const) {
      expect((await api("POST", `${group}/members`, { as, body: { userId: owner.user.id } })).status).toBe(status);
      expect((await api("DELETE", group, { as })).status).toBe(status);
    }
    expect((await api("GET", group, { as: limited })).status).toBe(404);
    expect((await api("GET", group, { as: readOnly })).status).toBe(200);
    expect(await db().groupMember.count({ where: { groupId: created.body!.id as string } })).toBe(0);
  });

  it("removing a member takes them out of the organization's groups, so joining again grants nothing by itself", async () => {
    const { owner, member, id, groups } = await organization();
    const created = await api("POST", groups, { as: owner.as, body: { name: "Team", roles: ["admin"] } });
    await api("POST", `${groups}/${created.body!.id as string}/members`, { as: owner.as, body: { userId: member.user.id } });
    expect((await api("GET", `/api/v1/organizations/${id}/invitations`, { as: member.as })).status).toBe(200);
    expect((await api("DELETE", `/api/v1/organizations/${id}/members/${member.user.id}`, { as: owner.as })).status).toBe(204);
    await addMembership(id, member.user.id, "member");
    expect((await api("GET", `/api/v1/organizations/${id}/invitations`, { as: member.as })).status).toBe(403);
  });
});
