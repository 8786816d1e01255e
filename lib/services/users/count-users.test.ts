import { describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { userListQuerySchema } from "@/lib/schemas/user";
import { exactCountLimit } from "@/lib/services/users/count-users";
import { listUsers } from "@/lib/services/users/list-users";
import { actorFor, createUser } from "@/tests/support/factories";
import { withPrivateDatabase } from "@/tests/support/private-database";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
withPrivateDatabase();

describe("the admin table's total", () => {
  it("is exact up to the limit, PostgreSQL's estimate beyond it, and a floor for a large filtered list", async () => {
    const actor = actorFor((await createUser({ role: "admin" })).user);
    const shown = async (filters: Record<string, string> = {}) =>
      (await listUsers({ actor, query: userListQuerySchema.parse({ page: "1", limit: "25", ...filters }), shownTotal: true })).shownTotal;

    await db().$executeRaw`INSERT INTO users (id, email, updated_at)
      SELECT gen_random_uuid(), 'many' || n || '@example.test', now() FROM generate_series(1, ${exactCountLimit - 10}) AS n`;
    expect(await shown()).toEqual({ value: exactCountLimit - 9, precision: "exact" });

    await db().$executeRaw`INSERT INTO users (id, email, updated_at)
      SELECT gen_random_uuid(), 'more' || n || '@example.test', now() FROM generate_series(1, 100) AS n`;
    await db().$executeRaw`ANALYZE users`;
    const estimate = await shown();
    expect(estimate?.precision).toBe("about");
    expect(estimate?.value).toBeGreaterThan(exactCountLimit * 0.9);
    expect(estimate?.value).toBeLessThan(exactCountLimit * 1.1);

    expect(await shown({ q: "example.test" })).toEqual({ value: exactCountLimit, precision: "more_than" });
    expect(await shown({ q: "more1" })).toEqual({ value: 12, precision: "exact" }); // more1, more10–19, more100
  });
});

describe("hasPassword", () => {
  it("follows the password hash whatever writes it, so lists never need to read the hash", async () => {
    const { user } = await createUser();
    const hasPassword = async () =>
      (await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { hasPassword: true } })).hasPassword;
    expect(await hasPassword()).toBe(true);
    await db().user.update({ where: { id: user.id }, data: { passwordHash: null } });
    expect(await hasPassword()).toBe(false);
    // Even a write that claims otherwise is corrected.
    await db().user.update({ where: { id: user.id }, data: { hasPassword: true } });
    expect(await hasPassword()).toBe(false);
    await db().$executeRaw`UPDATE users SET password_hash = ${await hashPassword("another password 123")} WHERE id = ${user.id}::uuid`;
    expect(await hasPassword()).toBe(true);
    const invited = await db().user.create({ data: { email: `invited-${user.id}@example.test`, hasPassword: true } });
    expect(invited.hasPassword).toBe(false);
  });
});
