import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { builtInRoles, can, canGrant, grantedPermissions, permissions, type Permission } from "@/lib/auth/permissions";
import type { GlobalRole } from "@/lib/auth/roles";

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

describe("can", () => {
  it("follows the built-in roles", () => {
    const user = actor("user");
    expect(permissions.every((p) => can(user, p, member(builtInRoles.owner.permissions)))).toBe(true);
    expect(can(user, "organization:delete", member(builtInRoles.admin.permissions))).toBe(false);
    expect(can(user, "roles:manage", member(builtInRoles.admin.permissions))).toBe(true);
    expect(grantedPermissions(user, member(builtInRoles.member.permissions))).toEqual(["organization:read", "members:read"]);
  });

  it("gives custom roles exactly what they list, plus seeing the organization", () => {
    const user = actor("user");
    const access = member(["members:invite"]);
    expect(grantedPermissions(user, access)).toEqual(["organization:read", "members:invite"]);
  });

  it("refuses outsiders, lets global admins read and superadmins do anything", () => {
    const readOnly: Permission[] = ["organization:read", "members:read", "audit:read"];
    expect(permissions.some((p) => can(actor("user"), p, outsider))).toBe(false);
    expect(grantedPermissions(actor("admin"), outsider)).toEqual(readOnly);
    expect(grantedPermissions(actor("superadmin"), outsider)).toEqual(permissions);
  });

  it("keeps a token restricted to one organization out of every other, even a superadmin's", () => {
    const restricted = actor("superadmin", { via: "api_token", scopes: ["read", "write"], organizationId: otherOrganizationId });
    expect(permissions.some((p) => can(restricted, p, member(builtInRoles.owner.permissions)))).toBe(false);
    expect(can(restricted, "organization:delete", { organizationId: otherOrganizationId, membership: null })).toBe(true);
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

  it("bounds a token by its scopes", () => {
    const readOnlyToken = actor("user", { via: "api_token", scopes: ["read"] });
    expect(grantedPermissions(readOnlyToken, member(builtInRoles.owner.permissions))).toEqual([
      "organization:read",
      "members:read",
      "audit:read",
    ]);
  });
});
