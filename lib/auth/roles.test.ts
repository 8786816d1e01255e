import { describe, expect, it } from "vitest";
import { removesLastSuperadmin } from "@/lib/auth/roles";

describe("global roles", () => {
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
