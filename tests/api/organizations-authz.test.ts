import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OrganizationPermission } from "@/lib/auth/permission-catalogue";
import { db } from "@/lib/db";
import { createInvitation } from "@/lib/services/invitations/create-invitation";
import { api, loadRoutes } from "@/tests/support/api";
import { methodOf } from "@/tests/support/authz-matrix";
import { organizationMatrix } from "@/tests/support/organization-authz-matrix";
import { organizationCallers, type OrganizationCaller, type OrganizationScene } from "@/tests/support/organization-authz-row";
import { personalAccessToken, sessionCookie } from "@/tests/support/callers";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";
import { actorFor, createUser, uniqueEmail } from "@/tests/support/factories";
import { addMembership, createCustomRole, createOrganizationFor } from "@/tests/support/organizations";
import type { Credentials } from "@/tests/support/route-call";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));

type Person = Exclude<OrganizationCaller, "ownerTokenElsewhere"> | "target";
const people = {} as Record<Person, Awaited<ReturnType<typeof createUser>>["user"]>;
let ownerTokenElsewhere: Credentials;

/**
 * The caller's credentials for one cell: a session opened just now (a session of the
 * file's start would, on a slow run, be older than the step-up window by the last cells),
 * or the owner's token limited to another organization.
 */
async function credentialsOf(caller: OrganizationCaller): Promise<Credentials> {
  if (caller === "ownerTokenElsewhere") return ownerTokenElsewhere;
  return { cookie: (await sessionCookie(people[caller])).cookie };
}

beforeAll(async () => {
  // The webhook row registers a loopback target, as the production server under e2e allows.
  configOverrides.WEBHOOK_ALLOW_PRIVATE_TARGETS = true;
  await loadRoutes();
  for (const person of [...organizationCallers.filter((caller) => caller !== "ownerTokenElsewhere"), "target"] as Person[]) {
    people[person] = (await createUser({ role: person === "superadmin" ? "superadmin" : "user" })).user;
  }
  ownerTokenElsewhere = { bearer: (await tokenLimitedToOwnOrganization(people.owner)).bearer };
});
afterAll(resetConfigOverrides);

/** A read-write token of `user`, limited to a new organization of theirs that no scene uses. */
async function tokenLimitedToOwnOrganization(user: { id: string; email: string; role: "user" | "admin" | "superadmin" }) {
  const organization = await createOrganizationFor(actorFor(user), "Elsewhere");
  return { organizationId: organization.id, bearer: await personalAccessToken(user, { organizationId: organization.id }) };
}

/** A fresh organization with one member of every kind, straight in the database but for its owner's own making. */
async function setScene(permission: OrganizationPermission): Promise<OrganizationScene> {
  const owner = actorFor(people.owner);
  const { id } = await createOrganizationFor(owner, "Matrix");
  await createCustomRole(id, "spare-a", []);
  const spare = await createCustomRole(id, "spare-b", []);
  await createCustomRole(id, "with", [permission]);
  await createCustomRole(id, "without", []);
  for (const [person, role] of [
    ["member", "member"],
    ["admin", "admin"],
    ["customWith", "with"],
    ["customWithout", "without"],
    ["target", "spare-a"],
  ] as const) {
    await addMembership(id, people[person].id, role);
  }
  const invitation = await createInvitation({ actor: owner, organizationId: id, data: { email: uniqueEmail("pending"), role: "spare-a" } });
  const { user: outsider } = await createUser({ email: uniqueEmail("outsider") });
  const group = await db().group.create({
    data: { organizationId: id, name: "Matrix group", members: { create: { userId: people.target.id } } },
  });
  return {
    id,
    targetId: people.target.id,
    roleId: spare.id,
    invitationId: invitation.id,
    outsiderEmail: outsider.email,
    groupId: group.id,
  };
}

// Reads share one scene per row; a change gets a scene of its own, so no cell sees another's,
// and the cells may run at the same time.
describe.concurrent.each(organizationMatrix)("$endpoint", (row) => {
  let shared: Promise<OrganizationScene> | undefined;
  it.each(organizationCallers)("answers %s as the matrix says", async (caller) => {
    const scene = await (methodOf(row) === "GET" ? (shared ??= setScene(row.permission)) : setScene(row.permission));
    const { method, path, body } = row.request(scene);
    const answer = await api(method, path, { as: await credentialsOf(caller), body });
    expect({ caller, status: answer.status }, JSON.stringify(answer.body)).toEqual({ caller, status: row.expected[caller] });
  });
});

it("a global administrator's token limited to one organization reads that organization's audit log and nothing else", async () => {
  const superadmin = { cookie: (await sessionCookie(people.superadmin)).cookie };
  const { organizationId, bearer } = await tokenLimitedToOwnOrganization(people.superadmin);
  const limited = { bearer };
  const added = await api("POST", `/api/v1/organizations/${organizationId}/members`, {
    as: superadmin,
    body: { email: people.member.email, role: "member" },
  });
  expect(added.status).toBe(201);
  const other = await setScene("audit:read");
  const own = `/api/v1/organizations/${organizationId}/audit-events`;

  // Asking its own log for another organization's events must not widen what it reads.
  for (const path of [own, `${own}?organization=${other.id}`, `${own}/export?format=json`]) {
    const answer = await api("GET", path, { as: limited });
    expect(answer.status, path).toBe(200);
    const body = answer.body as { data?: { organizationId: string }[] } | { organizationId: string }[];
    const events = Array.isArray(body) ? body : (body.data ?? []);
    expect(new Set(events.map((event) => event.organizationId)), path).toEqual(
      new Set(path.includes("?organization=") ? [] : [organizationId]),
    );
  }
  expect((await api("GET", `/api/v1/organizations/${other.id}/audit-events`, { as: superadmin })).status).toBe(200);
  for (const path of [`/api/v1/organizations/${other.id}/audit-events`, `/api/v1/organizations/${other.id}/audit-events/export`]) {
    expect((await api("GET", path, { as: limited })).status, path).toBe(404);
  }
  for (const path of ["/api/v1/audit-events", "/api/v1/audit-events/export"]) {
    expect((await api("GET", path, { as: limited })).status, path).toBe(403);
  }
});
