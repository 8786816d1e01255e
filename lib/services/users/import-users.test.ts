import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { importUsers } from "@/lib/services/users/import-users";
import { actorFor, createUser, uniqueEmail } from "@/tests/support/factories";

describe("importUsers", () => {
  it("dry-runs without writing and reports each bad row by number", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const { user: existing } = await createUser();
    const good = uniqueEmail();
    const records = [
      { email: good, name: "Good" },
      { email: "not an email" },
      { email: existing.email },
      { email: good.toUpperCase() },
      { email: uniqueEmail(), role: "superadmin" },
      { email: uniqueEmail(), colour: "blue" },
    ];
    const report = await importUsers({ actor: actorFor(admin), records, dryRun: true, partial: false });
    expect(report).toMatchObject({ dryRun: true, total: 6, valid: 1, imported: 0 });
    expect(report.errors.map((error) => [error.row, error.field])).toEqual([
      [2, "email"],
      [3, "email"],
      [4, "email"],
      [5, "role"],
      [6, "colour"],
    ]);
    expect(await db().user.count({ where: { email: good } })).toBe(0);
  });

  it("is all or nothing unless partial, and keeps imported bcrypt passwords", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const actor = actorFor(admin);
    const email = uniqueEmail();
    const passwordHash = await bcrypt.hash("legacy password", 10);
    const records = [{ email, passwordHash, role: "admin" }, { email: "broken" }];
    const refused = await importUsers({ actor, records, dryRun: false, partial: false }).catch((error: AppError) => error);
    expect(refused).toMatchObject({ code: "validation_failed", fieldErrors: [{ field: "rows.2.email" }] });
    expect(await db().user.count({ where: { email } })).toBe(0);

    const report = await importUsers({ actor, records, dryRun: false, partial: true });
    expect(report).toMatchObject({ imported: 1, valid: 1, errors: [{ row: 2 }] });
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe("admin");
    expect(await verifyPassword("legacy password", user.passwordHash)).toBe(true);
    expect(await db().auditEvent.count({ where: { action: "user.imported", targetId: user.id } })).toBe(1);
  });

  it("refuses bcrypt hashes cheaper than cost 10, naming the row and field", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const email = uniqueEmail();
    const records = [{ email, passwordHash: await bcrypt.hash("legacy password", 4) }];
    const report = await importUsers({ actor: actorFor(admin), records, dryRun: true, partial: false });
    expect(report.errors).toEqual([
      { row: 1, field: "passwordHash", message: "Must be a bcrypt hash of cost 10 to 15; ask the user to reset the password instead." },
    ]);
    await importUsers({ actor: actorFor(admin), records, dryRun: false, partial: true });
    expect(await db().user.count({ where: { email } })).toBe(0);
  });
});
