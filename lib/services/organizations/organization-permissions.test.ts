import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { OrganizationPermission } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GlobalRole } from "@/lib/generated/prisma/enums";
import { createInvitation } from "@/lib/services/invitations/create-invitation";
import { listInvitations } from "@/lib/services/invitations/list-invitations";
import { resendInvitation } from "@/lib/services/invitations/resend-invitation";
import { revokeInvitation } from "@/lib/services/invitations/revoke-invitation";
import { createRole } from "@/lib/services/organization-roles/create-role";
import { deleteRole } from "@/lib/services/organization-roles/delete-role";
import { listRoles } from "@/lib/services/organization-roles/list-roles";
import { updateRole } from "@/lib/services/organization-roles/update-role";
import { addMember } from "@/lib/services/organizations/add-member";
import { deleteOrganization } from "@/lib/services/organizations/delete-organization";
import { getOrganization } from "@/lib/services/organizations/get-organization";
import { listMembers } from "@/lib/services/organizations/list-members";
import { removeMember } from "@/lib/services/organizations/remove-member";
import { updateMember } from "@/lib/services/organizations/update-member";
import { updateOrganization } from "@/lib/services/organizations/update-organization";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { findWebhooks } from "@/lib/services/webhooks/find-webhooks";
import { createScimToken } from "@/lib/services/scim-tokens/create-scim-token";
import { findScimTokens } from "@/lib/services/scim-tokens/find-scim-tokens";
import { revokeScimToken } from "@/lib/services/scim-tokens/revoke-scim-token";
import { addOrganizationDomain } from "@/lib/services/organization-domains/add-organization-domain";
import { findOrganizationDomains } from "@/lib/services/organization-domains/find-organization-domains";
import { removeOrganizationDomain } from "@/lib/services/organization-domains/remove-organization-domain";
import { verifyOrganizationDomain } from "@/lib/services/organization-domains/verify-organization-domain";
import { uniqueDomain } from "@/tests/support/domains";
import { freshSessionActor, createUser, uniqueEmail } from "@/tests/support/factories";
import { addMembership, createCustomRole, createOrganizationFor, uniqueSlug } from "@/tests/support/organizations";

const callers = ["nonMember", "member", "admin", "owner", "customWith", "customWithout", "superadmin", "globalAdmin"] as const;
type Caller = (typeof callers)[number];
type Outcome = "ok" | 403 | 404;

/** Everything one operation needs, made fresh for each case so cases cannot affect each other. */
type Scene = {
  organizationId: string;
  targetUserId: string;
  spareRoleId: string;
  invitationId: string;
  outsiderEmail: string;
  scimTokenId: string;
  domainId: string;
};
type Operation = { permission: OrganizationPermission; run: (actor: Actor, scene: Scene) => Promise<unknown> };

const query = { limit: 20 };
/** Every caller's password (createUser's default), the proof creating a SCIM token asks for. */
const password = "correct horse battery staple";
const operations: Record<string, Operation> = {
  "get organization": { permission: "organization:read", run: (actor, s) => getOrganization({ actor, organizationId: s.organizationId }) },
  "update organization": {
    permission: "organization:update",
    run: (actor, s) => updateOrganization({ actor, organizationId: s.organizationId, data: { name: "Renamed" } }),
  },
  "delete organization": {
    permission: "organization:delete",
    run: (actor, s) => deleteOrganization({ actor, organizationId: s.organizationId }),
  },
  "list members": { permission: "members:read", run: (actor, s) => listMembers({ actor, organizationId: s.organizationId, query }) },
  "add member": {
    permission: "members:invite",
    run: (actor, s) => addMember({ actor, organizationId: s.organizationId, data: { email: s.outsiderEmail, role: "spare-a" } }),
  },
  "update member": {
    permission: "members:update",
    run: (actor, s) => updateMember({ actor, organizationId: s.organizationId, userId: s.targetUserId, data: { role: "spare-b" } }),
  },
  "remove member": {
    permission: "members:remove",
    run: (actor, s) => removeMember({ actor, organizationId: s.organizationId, userId: s.targetUserId }),
  },
  "list invitations": {
    permission: "members:invite",
    run: (actor, s) => listInvitations({ actor, organizationId: s.organizationId, query }),
  },
  "create invitation": {
    permission: "members:invite",
    run: (actor, s) =>
      createInvitation({ actor, organizationId: s.organizationId, data: { email: uniqueEmail("invitee"), role: "spare-a" } }),
  },
  "revoke invitation": {
    permission: "members:invite",
    run: (actor, s) => revokeInvitation({ actor, organizationId: s.organizationId, invitationId: s.invitationId }),
  },
  "resend invitation": {
    permission: "members:invite",
    run: (actor, s) => resendInvitation({ actor, organizationId: s.organizationId, invitationId: s.invitationId }),
  },
  "list roles": { permission: "organization:read", run: (actor, s) => listRoles({ actor, organizationId: s.organizationId }) },
  "create role": {
    permission: "roles:manage",
    run: (actor, s) => createRole({ actor, organizationId: s.organizationId, data: { name: "new-role", permissions: [] } }),
  },
  "update role": {
    permission: "roles:manage",
    run: (actor, s) => updateRole({ actor, organizationId: s.organizationId, roleId: s.spareRoleId, data: { description: "Changed" } }),
  },
  "delete role": {
    permission: "roles:manage",
    run: (actor, s) => deleteRole({ actor, organizationId: s.organizationId, roleId: s.spareRoleId }),
  },
  "list webhooks": { permission: "webhooks:manage", run: (actor, s) => findWebhooks({ actor, organizationId: s.organizationId }) },
  "create webhook": {
    permission: "webhooks:manage",
    // A public IP literal: the address check needs no DNS.
    run: (actor, s) =>
      createWebhook({
        actor,
        organizationId: s.organizationId,
        data: { url: "https://93.184.215.14/hooks", eventTypes: ["member.added"] },
      }),
  },
  "list SCIM tokens": { permission: "scim:manage", run: (actor, s) => findScimTokens({ actor, organizationId: s.organizationId }) },
  "create SCIM token": {
    permission: "scim:manage",
    run: (actor, s) => createScimToken({ actor, organizationId: s.organizationId, data: { name: "Directory", password } }),
  },
  "revoke SCIM token": {
    permission: "scim:manage",
    run: (actor, s) => revokeScimToken({ actor, organizationId: s.organizationId, tokenId: s.scimTokenId }),
  },
  "list domains": {
    permission: "organization:read",
    run: (actor, s) => findOrganizationDomains({ actor, organizationId: s.organizationId }),
  },
  "add domain": {
    permission: "domains:manage",
    run: (actor, s) => addOrganizationDomain({ actor, organizationId: s.organizationId, data: { domain: uniqueDomain() } }),
  },
  "remove domain": {
    permission: "domains:manage",
    run: (actor, s) => removeOrganizationDomain({ actor, organizationId: s.organizationId, domainId: s.domainId }),
  },
  // Vouching without DNS hands the domain's accounts to a directory: superadmins only, whatever the role here.
  "trust domain": {
    permission: "domains:manage",
    run: (actor, s) => verifyOrganizationDomain({ actor, organizationId: s.organizationId, domainId: s.domainId, data: { trust: true } }),
  },
};

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
  return {
    organizationId,
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
