import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { disableUser } from "@/lib/services/users/disable-user";
import { enableUser } from "@/lib/services/users/enable-user";
import { unlockUser } from "@/lib/services/users/unlock-user";
import { updateUser } from "@/lib/services/users/update-user";
import { freshSessionActor, createUser } from "@/tests/support/factories";

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: AppError) => error.code,
  );

describe("updateUser", () => {
  it("changes name and role, bumps the version and audits before and after", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const { user } = await createUser();
    const updated = await updateUser({ actor: await freshSessionActor(admin), userId: user.id, data: { name: "Ada", role: "admin" } });
    expect(updated).toMatchObject({ name: "Ada", role: "admin", version: user.version + 1 });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "user.updated", targetId: user.id } });
    expect(event.before).toMatchObject({ name: null, role: "user" });
    expect(event.after).toMatchObject({ name: "Ada", role: "admin" });
    expect(event.actorId).toBe(admin.id);
  });

  it("records a global role change as its own event, and nothing of the kind for other changes", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const { user } = await createUser();
    const actor = await freshSessionActor(admin);
    const roleChanges = () => db().auditEvent.findMany({ where: { action: "user.role_changed", targetId: user.id } });

    await updateUser({ actor, userId: user.id, data: { name: "Ada", role: "user" } });
    expect(await codeOf(updateUser({ actor, userId: user.id, data: { role: "admin" }, expectedVersion: user.version }))).toBe(
      "precondition_failed",
    );
    expect(await roleChanges()).toEqual([]);

    await updateUser({ actor, userId: user.id, data: { role: "admin" } });
    const [event, ...others] = await roleChanges();
    expect(others).toEqual([]);
    expect(event).toMatchObject({ actorId: admin.id, targetType: "user", before: { role: "user" }, after: { role: "admin" } });
  });

  it("refuses a stale version, and lets only one of many concurrent edits win", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const { user } = await createUser();
    const actor = await freshSessionActor(admin);
    expect(await codeOf(updateUser({ actor, userId: user.id, data: { name: "x" }, expectedVersion: user.version + 5 }))).toBe(
      "precondition_failed",
    );
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        codeOf(updateUser({ actor, userId: user.id, data: { name: `n${index}` }, expectedVersion: user.version })),
      ),
    );
    expect(results.filter((code) => code === "ok")).toHaveLength(1);
    expect(results.filter((code) => code === "precondition_failed")).toHaveLength(7);
  });

  it("keeps admins from touching superadmins or making one, and users from everything", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const { user: superadmin } = await createUser({ role: "superadmin" });
    const { user } = await createUser();
    expect(await codeOf(updateUser({ actor: await freshSessionActor(admin), userId: superadmin.id, data: { name: "x" } }))).toBe(
      "forbidden",
    );
    expect(await codeOf(updateUser({ actor: await freshSessionActor(admin), userId: user.id, data: { role: "superadmin" } }))).toBe(
      "forbidden",
    );
    expect(await codeOf(updateUser({ actor: await freshSessionActor(user), userId: admin.id, data: { name: "x" } }))).toBe("not_found");
    expect(await codeOf(updateUser({ actor: await freshSessionActor(superadmin), userId: user.id, data: { role: "superadmin" } }))).toBe(
      "ok",
    );
  });

  it("answers not found for an unknown id", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const unknown = "01900000-0000-7000-8000-000000000000";
    expect(await codeOf(updateUser({ actor: await freshSessionActor(admin), userId: unknown, data: { name: "x" } }))).toBe("not_found");
  });
});

describe("disable, enable and unlock", () => {
  it("disabling ends the user's sessions at once; enabling lets them back", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const { user } = await createUser();
    await db().session.create({ data: { userId: user.id, sessionToken: `t-${user.id}`, expires: new Date(Date.now() + 60_000) } });
    const disabled = await disableUser({ actor: await freshSessionActor(admin), userId: user.id });
    expect(disabled.status).toBe("disabled");
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    expect((await enableUser({ actor: await freshSessionActor(admin), userId: user.id })).status).toBe("active");
    expect(await db().auditEvent.count({ where: { targetId: user.id, action: { in: ["user.disabled", "user.enabled"] } } })).toBe(2);
  });

  it("unlocking clears failed sign-ins and the lock", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const { user } = await createUser();
    await db().user.update({ where: { id: user.id }, data: { failedSignIns: 9, lockedUntil: new Date(Date.now() + 600_000) } });
    const unlocked = await unlockUser({ actor: await freshSessionActor(admin), userId: user.id });
    expect(unlocked).toMatchObject({ failedSignIns: 0, lockedUntil: null });
    expect(await db().auditEvent.count({ where: { targetId: user.id, action: "user.unlocked" } })).toBe(1);
  });
});
