import { describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { ensureFirstSuperadmin } from "@/lib/services/users/ensure-first-superadmin";
import { uniqueEmail } from "@/tests/support/factories";
import { withPrivateDatabase } from "@/tests/support/private-database";

// Demoting every superadmin would pull the rights from under files running beside this one.
vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
withPrivateDatabase();

describe("ensureFirstSuperadmin", () => {
  it("creates one superadmin and leaves it alone on later runs", async () => {
    // The private database may hold superadmins from the setup; start from none so the rule is visible.
    await db().user.updateMany({ where: { role: "superadmin" }, data: { role: "admin" } });

    const email = uniqueEmail("admin");
    const first = await ensureFirstSuperadmin({ email, password: "first password 123" });
    expect(first).toEqual({ created: true, email });

    const again = await ensureFirstSuperadmin({ email: uniqueEmail("other"), password: "second password 123" });
    expect(again).toEqual({ created: false, email });

    const admin = await db().user.findUniqueOrThrow({ where: { email } });
    expect(admin.role).toBe("superadmin");
    expect(admin.passwordHash).not.toContain("first password");
    expect(await verifyPassword("first password 123", admin.passwordHash)).toBe(true);
    expect(await db().auditEvent.count({ where: { action: "user.created", targetId: admin.id } })).toBe(1);
  });
});
