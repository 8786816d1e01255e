import { beforeAll, describe, expect, it } from "vitest";
import { api, loadRoutes } from "@/tests/support/api";
import { personalAccessToken, sessionCookie } from "@/tests/support/callers";
import { actorFor, createUser } from "@/tests/support/factories";
import { addMembership, createOrganizationFor } from "@/tests/support/organizations";

/** An owner with a session, their organization, and two members of it. */
async function scene() {
  const { user: owner } = await createUser();
  const organization = await createOrganizationFor(actorFor(owner));
  const { user: member } = await createUser();
  const { user: manager } = await createUser();
  await addMembership(organization.id, member.id, "member");
  await addMembership(organization.id, manager.id, "member");
  const as = { cookie: (await sessionCookie(owner)).cookie };
  return { owner, organization, member, manager, as, path: `/api/v1/organizations/${organization.id}/members/${member.id}` };
}

const enterprise = {
  employeeNumber: "701984",
  costCenter: "4130",
  organization: "Universal Studios",
  division: "Theme Park",
  department: "Tour Operations",
};

describe("a member's enterprise attributes in the members API", () => {
  beforeAll(loadRoutes);

  it("are set by PATCH, shown by GET, and bump the member's version", async () => {
    const { manager, as, path } = await scene();
    const before = await api("GET", path, { as });
    expect(before.body?.enterprise).toEqual({ ...Object.fromEntries(Object.keys(enterprise).map((key) => [key, null])), managerId: null });
    const etag = before.headers.get("etag")!;
    const changed = await api("PATCH", path, {
      as,
      body: { enterprise: { ...enterprise, managerId: manager.id } },
      headers: { "if-match": etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.body?.enterprise).toEqual({ ...enterprise, managerId: manager.id });
    expect(changed.headers.get("etag")).not.toBe(etag);
    // The role stays when only the attributes change, and a later PATCH changes only what it names.
    const partial = await api("PATCH", path, { as, body: { enterprise: { department: "" } } });
    expect(partial.body).toMatchObject({
      role: { name: "member" },
      enterprise: { ...enterprise, department: null, managerId: manager.id },
    });
    expect((await api("PATCH", path, { as, body: { enterprise }, headers: { "if-match": etag } })).status).toBe(412);
  });

  it("refuses a manager outside the organization, or the member themselves, naming the field", async () => {
    const { member, as, path } = await scene();
    const { user: stranger } = await createUser();
    for (const managerId of [stranger.id, member.id, "not-an-id"]) {
      const answer = await api("PATCH", path, { as, body: { enterprise: { managerId } } });
      expect(answer.status).toBe(422);
      expect(answer.headers.get("content-type")).toBe("application/problem+json");
      expect((answer.body?.errors as { field: string }[]).map((error) => error.field)).toEqual(["enterprise.managerId"]);
    }
  });

  it("cannot be read or written with a token limited to another organization of the same owner", async () => {
    const { owner, path } = await scene();
    const elsewhere = await createOrganizationFor(actorFor(owner));
    const bearer = await personalAccessToken(owner, { organizationId: elsewhere.id });
    expect((await api("GET", path, { as: { bearer } })).status).toBe(404);
    expect((await api("PATCH", path, { as: { bearer }, body: { enterprise: { department: "Stolen" } } })).status).toBe(404);
    const owners = { cookie: (await sessionCookie(owner)).cookie };
    expect(((await api("GET", path, { as: owners })).body?.enterprise as { department: unknown }).department).toBeNull();
  });
});
