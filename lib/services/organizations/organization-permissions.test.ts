import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GlobalRole } from "@/lib/generated/prisma/enums";
import { createInvitation } from "@/lib/services/invitations/create-invitation";
import { getOrganization } from "@/lib/services/organizations/get-organization";
import { uniqueDomain } from "@/tests/support/domains";
import { freshSessionActor, createUser, uniqueEmail } from "@/tests/support/factories";
import { addMembership, createCustomRole, createOrganizationFor, uniqueSlug } from "@/tests/support/organizations";
import { operations, type Operation, type Scene } from "@/tests/support/organization-operations";

const callers = ["nonMember", "member", "admin", "owner", "customWith", "customWithout", "superadmin", "globalAdmin"] as const;
type Caller = (typeof callers)[number];
type Outcome = "ok" | 403 | 404;

// The expected answer of every operation for every kind of caller, written out rather than derived.
//                          nonMember member admin  owner  customWith customWithout superadmin globalAdmin
const matrix: Record<keyof typeof operations, Outcome[]> = {
  "get organization": [404, "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
  "update organization": [404, 403, "ok", "ok", "ok", 403, "ok", 403],
  "delete organization": [404, 403, 403, "ok", "ok", 403, "ok", 403],
  "list members": [404, "ok", "ok", "ok", "ok", 403, "ok", "ok"],
  "add member": [404, 403, "ok", "ok", "ok", 403, "ok", 403],
  "update member": [404, 403, "ok", "ok", "ok", 403, "ok", 403],
  "remove member": [404, 403, "ok", "ok", "ok", 403, "ok", 403],
  "list invitations": [404, 403, "ok", "ok", "ok", 403, "ok", 403],
  "create invitation": [404, 403, "ok", "ok", "ok", 403, "ok", 403],
  "revoke invitation": [404, 403, "ok", "ok", "ok", 403, "ok", 403],
  "resend invitation": [404, 403, "ok", "ok", "ok", 403, "ok", 403],
  "list roles": [404, "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
  "create role": [404, 403, "ok", "ok", "ok", 403, "ok", 403],
  "update role": [404, 403, "ok", "ok", "ok", 403, "ok", 403],
  "delete role": [404, 403, "ok", "ok", "ok", 403, "ok", 403],
  "list groups": [404, "ok", "ok", "ok", "ok", 403, "ok", "ok"],
  "list group members": [404, "ok", "ok", "ok", "ok", 403, "ok", "ok"],
  "create group": [404, 403, "ok", "ok", "ok", 403, "ok", 403],
  "update group": [404, 403, "ok", "ok", "ok", 403, "ok", 403],
  "delete group": [404, 403, "ok", "ok", "ok", 403, "ok", 403],
  "add group member": [404, 403, "ok", "ok", "ok", 403, "ok", 403],
  "remove group member": [404, 403, "ok", "ok", "ok", 403, "ok", 403],
  "list webhooks": [404, 403, "ok", "ok", "ok", 403, "ok", 403],
  "create webhook": [404, 403, "ok", "ok", "ok", 403, "ok", 403],
  "list SCIM tokens": [404, 403, 403, "ok", "ok", 403, "ok", 403],
  "create SCIM token": [404, 403, 403, "ok", "ok", 403, "ok", 403],
  "revoke SCIM token": [404, 403, 403, "ok", "ok", 403, "ok", 403],
  "list domains": [404, "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
  "add domain": [404, 403, 403, "ok", "ok", 403, "ok", 403],
  "remove domain": [404, 403, 403, "ok", "ok", 403, "ok", 403],
  "trust domain": [404, 403, 403, 403, 403, 403, "ok", 403],
};

const actors = {} as Record<Caller | "target", Actor>;

beforeAll(async () => {
  const roles: Record<Caller | "target", GlobalRole> = {
    ...Object.fromEntries(callers.map((c) => [c, "user"])),
    superadmin: "superadmin",
    globalAdmin: "admin",
    target: "user",
  } as Record<Caller | "target", GlobalRole>;
  for (const [name, role] of Object.entries(roles)) {
    const { user } = await createUser({ email: uniqueEmail(name.toLowerCase()), role });
    actors[name as Caller] = await freshSessionActor(user);
  }
});

async function setScene(operation: Operation): Promise<Scene> {
  const organization = await createOrganizationFor(actors.owner);
  const organizationId = organization.id;
  await createCustomRole(organizationId, "spare-a", []);
  const spare = await createCustomRole(organizationId, "spare-b", []);
  await createCustomRole(organizationId, "with", [operation.permission]);
  await createCustomRole(organizationId, "without", []);
  for (const [caller, role] of [
    ["member", "member"],
    ["admin", "admin"],
    ["customWith", "with"],
    ["customWithout", "without"],
    ["target", "spare-a"],
  ] as const) {
    await addMembership(organizationId, actors[caller].userId, role);
  }
  const invitation = await createInvitation({
    actor: actors.owner,
    organizationId,
    data: { email: uniqueEmail("pending"), role: "spare-a" },
  });
  const { user: outsider } = await createUser();
  const scimToken = await db().scimToken.create({ data: { organizationId, name: "Directory", prefix: "scim_", tokenHash: randomUUID() } });
  const domain = await db().organizationDomain.create({
    data: { organizationId, domain: uniqueDomain(), verificationToken: randomUUID() },
  });
  const group = await db().group.create({
    data: { organizationId, name: "Matrix group", members: { create: { userId: actors.target.userId } } },
  });
  return {
    organizationId,
    groupId: group.id,
    targetUserId: actors.target.userId,
    spareRoleId: spare.id,
    invitationId: invitation.id,
    outsiderEmail: outsider.email,
    scimTokenId: scimToken.id,
    domainId: domain.id,
  };
}

async function outcomeOf(promise: Promise<unknown>): Promise<Outcome | string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return error instanceof AppError && (error.status === 403 || error.status === 404) ? (error.status as Outcome) : String(error);
  }
}

describe("every organization operation for every kind of caller", () => {
  const cases = Object.entries(matrix).flatMap(([name, outcomes]) => callers.map((caller, i) => [name, caller, outcomes[i]] as const));
  it.each(cases)("%s by %s → %s", async (name, caller, expected) => {
    const operation = operations[name]!;
    const scene = await setScene(operation);
    expect(await outcomeOf(operation.run(actors[caller], scene))).toBe(expected);
  });
});

describe("a token restricted to another organization", () => {
  it("sees nothing of this one, even a superadmin's token", async () => {
    const elsewhere = await createOrganizationFor(actors.superadmin);
    const restricted: Actor = { ...actors.superadmin, via: "api_token", scopes: ["read", "write"], organizationId: elsewhere.id };
    const ownerToken: Actor = { ...actors.owner, via: "api_token", scopes: ["read", "write"], organizationId: elsewhere.id };
    for (const [name, operation] of Object.entries(operations)) {
      const scene = await setScene(operation);
      expect([name, await outcomeOf(operation.run(restricted, scene))]).toEqual([name, 404]);
      expect([name, await outcomeOf(operation.run(ownerToken, scene))]).toEqual([name, 404]);
    }
  });

  it("does not reach a slug either", async () => {
    const organization = await createOrganizationFor(actors.owner);
    const slug = uniqueSlug();
    await db().organization.update({ where: { id: organization.id }, data: { slug } });
    await expect(getOrganization({ actor: { ...actors.owner, organizationId: actors.owner.userId }, slug })).rejects.toMatchObject({
      status: 404,
    });
  });
});
