import { describe, expect, it } from "vitest";
import { assignableRoles, canAssignRole, canManageUser, canManageUsers, removesLastSuperadmin } from "@/lib/auth/roles";

describe("global roles", () => {
  it("lets administrators manage users and nobody else", () => {
    expect(canManageUsers("superadmin")).toBe(true);
    expect(canManageUsers("admin")).toBe(true);
    expect(canManageUsers("user")).toBe(false);
  });

  it("keeps admins away from superadmins", () => {
    expect(canManageUser("superadmin", "superadmin")).toBe(true);
    expect(canManageUser("admin", "admin")).toBe(true);
    expect(canManageUser("admin", "user")).toBe(true);
    expect(canManageUser("admin", "superadmin")).toBe(false);
    expect(canManageUser("user", "user")).toBe(false);
  });

  it("lets only superadmins make superadmins", () => {
    expect(canAssignRole("admin", "superadmin")).toBe(false);
    expect(canAssignRole("admin", "admin")).toBe(true);
    expect(canAssignRole("superadmin", "superadmin")).toBe(true);
    expect(canAssignRole("user", "user")).toBe(false);
    expect(assignableRoles("admin")).toEqual(["admin", "user"]);
    expect(assignableRoles("user")).toEqual([]);
  });

  it("refuses to take away the last active superadmin", () => {
    const superadmin = { role: "superadmin", status: "active", deleted: false } as const;
    expect(removesLastSuperadmin(superadmin, { ...superadmin, role: "admin" }, 1)).toBe(true);
    expect(removesLastSuperadmin(superadmin, { ...superadmin, status: "disabled" }, 1)).toBe(true);
    expect(removesLastSuperadmin(superadmin, { ...superadmin, deleted: true }, 1)).toBe(true);
    expect(removesLastSuperadmin(superadmin, { ...superadmin, role: "admin" }, 2)).toBe(false);
    const disabled = { ...superadmin, status: "disabled" } as const;
    expect(removesLastSuperadmin(disabled, { ...disabled, deleted: true }, 0)).toBe(false);
  });
});
