import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { deleteUser } from "@/lib/services/users/delete-user";
import { disableUser } from "@/lib/services/users/disable-user";
import { updateUser } from "@/lib/services/users/update-user";
import { actorFor, createUser } from "@/tests/support/factories";

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
    const actor = actorFor(last);
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
      codeOf(updateUser({ actor: actorFor(first), userId: second.id, data: { role: "admin" } })),
      codeOf(updateUser({ actor: actorFor(second), userId: first.id, data: { role: "admin" } })),
    ]);
    expect(results.sort()).toEqual(["conflict", "ok"]);
    expect(await db().user.count({ where: { id: { in: [first.id, second.id] }, role: "superadmin" } })).toBe(1);
  });
});
