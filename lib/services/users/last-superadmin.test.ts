import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { deleteUser } from "@/lib/services/users/delete-user";
import { disableUser } from "@/lib/services/users/disable-user";
import { updateUser } from "@/lib/services/users/update-user";
import { freshSessionActor, createUser } from "@/tests/support/factories";
import { withPrivateDatabase } from "@/tests/support/private-database";

// Which superadmins are active is installation-wide: a file running beside this one that
// makes a superadmin between the setup and the change would let both demotions through.
vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
withPrivateDatabase();

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: AppError) => error.code,
  );

/** Leaves exactly the given superadmins active; others (from other tests) are disabled. */
async function onlyActiveSuperadmins(ids: string[]) {
  await db().user.updateMany({ where: { role: "superadmin", id: { notIn: ids } }, data: { status: "disabled" } });
}

describe("the last active superadmin", () => {
  it("cannot be demoted, disabled or deleted", async () => {
    const { user: last } = await createUser({ role: "superadmin" });
    await onlyActiveSuperadmins([last.id]);
    const actor = await freshSessionActor(last);
    expect(await codeOf(updateUser({ actor, userId: last.id, data: { role: "admin" } }))).toBe("conflict");
    expect(await codeOf(updateUser({ actor, userId: last.id, data: { status: "disabled" } }))).toBe("conflict");
    expect(await codeOf(disableUser({ actor, userId: last.id }))).toBe("conflict");
    expect(await codeOf(deleteUser({ actor, userId: last.id }))).toBe("conflict");
    expect(await codeOf(updateUser({ actor, userId: last.id, data: { name: "Still here" } }))).toBe("ok");
  });

  it("survives two superadmins demoting each other at the same moment", async () => {
    const { user: first } = await createUser({ role: "superadmin" });
    const { user: second } = await createUser({ role: "superadmin" });
    await onlyActiveSuperadmins([first.id, second.id]);
    const results = await Promise.all([
      codeOf(updateUser({ actor: await freshSessionActor(first), userId: second.id, data: { role: "admin" } })),
      codeOf(updateUser({ actor: await freshSessionActor(second), userId: first.id, data: { role: "admin" } })),
    ]);
    expect(results.sort()).toEqual(["conflict", "ok"]);
    expect(await db().user.count({ where: { id: { in: [first.id, second.id] }, role: "superadmin" } })).toBe(1);
  });

  it("does not wait on a superadmin row another transaction is writing, as a sign-in does", async () => {
    const { user: admin } = await createUser({ role: "superadmin" });
    const { user: target } = await createUser();
    const signingIn = new pg.Client({ connectionString: config().DATABASE_URL });
    await signingIn.connect();
    try {
      // A sign-in updates its user's row and then inserts rows naming that user; while it
      // runs, a change locking the superadmins' rows queued behind it and deadlocked.
      await signingIn.query("BEGIN");
      await signingIn.query("UPDATE users SET last_login_at = now() WHERE id = $1", [admin.id]);
      const outcome = await Promise.race([
        updateUser({ actor: await freshSessionActor(admin), userId: target.id, data: { role: "admin" } }).then(() => "done"),
        new Promise((resolve) => setTimeout(() => resolve("still waiting"), 5_000)),
      ]);
      expect(outcome).toBe("done");
    } finally {
      await signingIn.query("ROLLBACK");
      await signingIn.end();
    }
  });

  it("applies a change sent without If-Match after a concurrent one, instead of refusing it as stale", async () => {
    const { user: admin } = await createUser({ role: "superadmin" });
    const { user: target } = await createUser();
    const other = new pg.Client({ connectionString: config().DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("UPDATE users SET name = 'Concurrent', version = version + 1 WHERE id = $1", [target.id]);
      const change = updateUser({ actor: await freshSessionActor(admin), userId: target.id, data: { name: "Mine" } }).then(
        (user) => user.name,
        (error: { code: string }) => error.code,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      await other.query("COMMIT");
      expect(await change).toBe("Mine");
    } finally {
      await other.end();
    }
  });
});
