import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import {
  builtInRoles,
  globalPermissions,
  organizationPermissions,
  permissionCatalogue,
  type GlobalPermission,
  type OrganizationPermission,
} from "@/lib/auth/permission-catalogue";
import { assignableRoles, can, canGrant, grantedPermissions, isImpersonable, visibilityPermission } from "@/lib/auth/permissions";
import { globalRoles, type GlobalRole } from "@/lib/auth/roles";

const organizationId = randomUUID();
const otherOrganizationId = randomUUID();

const actor = (role: GlobalRole, overrides: Partial<Actor> = {}): Actor => ({
  userId: randomUUID(),
  email: "someone@example.test",
  role,
  via: "session",
  sessionId: randomUUID(),
  apiTokenId: null,
  scopes: null,
  organizationId: null,
  ...overrides,
});

const member = (granted: readonly string[]) => ({ organizationId, membership: { permissions: granted } });
const outsider = { organizationId, membership: null };

/** Every way of calling: a browser session and each kind of personal access token. */
const tokenKinds = {
  session: {},
  readWriteToken: { via: "api_token", scopes: ["read", "write"] },
  readOnlyToken: { via: "api_token", scopes: ["read"] },
  writeOnlyToken: { via: "api_token", scopes: ["write"] },
  limitedToThisOrganization: { via: "api_token", scopes: ["read", "write"], organizationId },
  limitedToAnotherOrganization: { via: "api_token", scopes: ["read", "write"], organizationId: otherOrganizationId },
} satisfies Record<string, Partial<Actor>>;
type TokenKind = keyof typeof tokenKinds;

// Written out, not derived from the module: the table the module must agree with.
const globalByRole: Record<GlobalRole, GlobalPermission[]> = {
  superadmin: [
    "users:read",
    "users:write",
    "users:purge",
    "users:impersonate",
    "superadmins:manage",
    "organizations:read",
    "organizations:manage",
    "outbox:read",
    "audit:verify",
    "global-webhooks:manage",
    "global-applications:manage",
    "global-attributes:manage",
  ],
  admin: [
    "users:read",
    "users:write",
    "users:purge",
    "users:impersonate",
    "organizations:read",
    "global-webhooks:manage",
    "global-attributes:manage",
  ],
  user: [],
};
const readOnlyOrganization: OrganizationPermission[] = ["organization:read", "members:read", "audit:read"];

/** Whether a token kind's own limits let a permission through, wherever it applies. */
function kindAllows(kind: TokenKind, permission: string, where: "global" | "this" | "other"): boolean {
  const reads = permission.endsWith(":read");
  if (kind === "readOnlyToken" && !reads) return false;
  if (kind === "writeOnlyToken" && reads) return false;
  if (kind === "limitedToThisOrganization") return where === "this";
  if (kind === "limitedToAnotherOrganization") return where === "other";
  return true;
}

describe("can, over the whole catalogue", () => {
  it("has one catalogue that holds both kinds and nothing unchecked", () => {
    expect([...globalPermissions, ...organizationPermissions].sort()).toEqual(Object.keys(permissionCatalogue).sort());
    expect(Object.keys(permissionCatalogue)).not.toContain("tokens:manage");
    // Checked by the organization's audit log (lib/services/audit/rules.ts).
    expect(organizationPermissions).toContain("audit:read");
  });

  for (const role of globalRoles) {
    for (const kind of Object.keys(tokenKinds) as TokenKind[]) {
      it(`decides global permissions for a ${role} through a ${kind}`, () => {
        const caller = actor(role, tokenKinds[kind]);
        for (const permission of globalPermissions) {
          const expected = globalByRole[role].includes(permission) && kindAllows(kind, permission, "global");
          expect(can(caller, permission), permission).toBe(expected);
        }
      });

      it(`decides organization permissions for a ${role} through a ${kind}`, () => {
        const caller = actor(role, tokenKinds[kind]);
        for (const permission of organizationPermissions) {
          const asOwner = kindAllows(kind, permission, "this");
          expect(can(caller, permission, member(builtInRoles.owner.permissions)), `${permission} as owner`).toBe(asOwner);
          // Without a membership only the global role counts, and an organization-limited token has none.
          const global = kind === "limitedToThisOrganization" || kind === "limitedToAnotherOrganization" ? [] : globalByRole[role];
          const viaRole =
            global.includes("organizations:manage") || (global.includes("organizations:read") && readOnlyOrganization.includes(permission));
          expect(can(caller, permission, outsider), `${permission} as outsider`).toBe(viaRole && kindAllows(kind, permission, "this"));
        }
      });
    }
  }
});

describe("can, on a target user", () => {
  it("keeps everyone but superadmins from acting on a superadmin or making one, while reading is open", () => {
    for (const role of globalRoles) {
      const caller = actor(role);
      for (const target of globalRoles) {
        const scope = { user: { role: target } };
        expect(can(caller, "users:read", scope)).toBe(role !== "user");
        const changes = role === "superadmin" || (role === "admin" && target !== "superadmin");
        expect(can(caller, "users:write", scope), `${role} on ${target}`).toBe(changes);
        expect(can(caller, "users:purge", scope), `${role} purges ${target}`).toBe(changes);
      }
    }
    expect(assignableRoles(actor("superadmin"))).toEqual(["superadmin", "admin", "user"]);
    expect(assignableRoles(actor("admin"))).toEqual(["admin", "user"]);
    expect(assignableRoles(actor("user"))).toEqual([]);
    expect(assignableRoles(actor("superadmin", tokenKinds.limitedToThisOrganization))).toEqual([]);
  });

  it("lets a caller view as a user only whose role is below its own, so never as a superadmin", () => {
    const viewable: Record<GlobalRole, GlobalRole[]> = { superadmin: ["admin", "user"], admin: ["user"], user: [] };
    for (const role of globalRoles) {
      for (const target of globalRoles) {
        const expected = viewable[role].includes(target);
        expect(can(actor(role), "users:impersonate", { user: { role: target } }), `${role} views as ${target}`).toBe(expected);
      }
    }
    expect(can(actor("superadmin", tokenKinds.readOnlyToken), "users:impersonate", { user: { role: "user" } })).toBe(false);
    expect(visibilityPermission("users:impersonate")).toBe("users:read");
    expect(globalRoles.filter((role) => isImpersonable({ user: { role } }))).toEqual(["admin", "user"]);
  });

  it("says which permission reveals that a resource exists", () => {
    expect(visibilityPermission("users:purge")).toBe("users:read");
    expect(visibilityPermission("superadmins:manage")).toBe("users:read");
    expect(visibilityPermission("outbox:read")).toBe("outbox:read");
    expect(visibilityPermission("organizations:manage")).toBe("organizations:read");
    expect(visibilityPermission("roles:manage")).toBe("organization:read");
  });
});

describe("organization roles", () => {
  it("follows the built-in roles", () => {
    const user = actor("user");
    expect(can(user, "organization:delete", member(builtInRoles.admin.permissions))).toBe(false);
    expect(can(user, "roles:manage", member(builtInRoles.admin.permissions))).toBe(true);
    // Which accounts a directory may reach stays with owners, as the directory's token does.
    for (const ownersOnly of ["scim:manage", "domains:manage", "attributes:manage"] as const) {
      expect(can(user, ownersOnly, member(builtInRoles.admin.permissions)), ownersOnly).toBe(false);
      expect(can(user, ownersOnly, member(builtInRoles.owner.permissions)), ownersOnly).toBe(true);
    }
    expect(grantedPermissions(user, member(builtInRoles.member.permissions))).toEqual(["organization:read", "members:read"]);
  });

  it("gives custom roles exactly what they list, plus seeing the organization, and never a global code", () => {
    const user = actor("user");
    expect(grantedPermissions(user, member(["members:invite"]))).toEqual(["organization:read", "members:invite"]);
    expect(can(user, "users:read")).toBe(false);
    expect(canGrant(user, member(["users:write"]), ["users:write"])).toBe(false);
  });

  it("lets nobody grant more than they hold", () => {
    const user = actor("user");
    const owner = member(builtInRoles.owner.permissions);
    const admin = member(builtInRoles.admin.permissions);
    expect(canGrant(user, owner, builtInRoles.owner.permissions)).toBe(true);
    expect(canGrant(user, admin, builtInRoles.owner.permissions)).toBe(false);
    expect(canGrant(user, admin, ["members:invite", "roles:manage"])).toBe(true);
    expect(canGrant(user, admin, ["made:up"])).toBe(false);
    expect(canGrant(actor("superadmin"), outsider, builtInRoles.owner.permissions)).toBe(true);
  });
});
