import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { deleteUser } from "@/lib/services/users/delete-user";
import { listUsers } from "@/lib/services/users/list-users";
import { purgeUser } from "@/lib/services/users/purge-user";
import { restoreUser } from "@/lib/services/users/restore-user";
import { revokeUserSessions } from "@/lib/services/users/revoke-user-sessions";
import { userListQuerySchema } from "@/lib/schemas/user";
import { actorFor, freshSessionActor, createUser } from "@/tests/support/factories";
import { createOrganizationFor } from "@/tests/support/organizations";

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: AppError) => error.code,
  );

async function withSession(userId: string) {
  await db().session.create({ data: { userId, sessionToken: `t-${userId}-${Math.random()}`, expires: new Date(Date.now() + 60_000) } });
}

describe("delete, restore and purge", () => {
  it("soft-deletes: gone from lists except status=deleted, sessions ended, restorable", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const { user } = await createUser();
    await withSession(user.id);
    const actor = await freshSessionActor(admin);
    await deleteUser({ actor, userId: user.id });
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    const listed = await listUsers({ actor, query: userListQuerySchema.parse({ q: user.email }) });
    expect(listed.data).toHaveLength(0);
    const deleted = await listUsers({ actor, query: userListQuerySchema.parse({ q: user.email, status: "deleted" }) });
    expect(deleted.data.map((found) => found.id)).toEqual([user.id]);

    expect((await restoreUser({ actor, userId: user.id })).deletedAt).toBeNull();
    expect(await codeOf(restoreUser({ actor, userId: user.id }))).toBe("conflict");
  });

  it("refuses to restore after the window", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const { user } = await createUser();
    await db().user.update({ where: { id: user.id }, data: { deletedAt: new Date(Date.now() - 31 * 86_400_000) } });
    expect(await codeOf(restoreUser({ actor: await freshSessionActor(admin), userId: user.id }))).toBe("conflict");
  });

  it("purges only deleted users, erasing personal data and every way to sign in", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const { user } = await createUser();
    const actor = await freshSessionActor(admin);
    expect(await codeOf(purgeUser({ actor, userId: user.id }))).toBe("conflict");
    await deleteUser({ actor, userId: user.id });
    await withSession(user.id);
    const organization = await createOrganizationFor(actorFor(admin));
    await db().user.update({ where: { id: user.id }, data: { givenName: "Ada", phoneNumbers: [{ value: "+1 555 0100" }] } });
    await db().memberProfile.create({ data: { organizationId: organization.id, userId: user.id, department: "Sales" } });
    await purgeUser({ actor, userId: user.id });
    const purged = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(purged).toMatchObject({ email: `deleted-${user.id}@invalid`, name: null, image: null, passwordHash: null });
    expect(purged).toMatchObject({ givenName: null, phoneNumbers: null });
    expect(await db().memberProfile.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "user.purged", targetId: user.id } });
    expect(JSON.stringify(event)).not.toContain(user.email);
    expect(await codeOf(restoreUser({ actor, userId: user.id }))).toBe("conflict");
  });

  it("revokes every session of a user", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const { user } = await createUser();
    await withSession(user.id);
    await withSession(user.id);
    expect(await revokeUserSessions({ actor: await freshSessionActor(admin), userId: user.id })).toEqual({
      revoked: 2,
      revokedTokens: 0,
      removedFactors: 0,
    });
    expect(await db().auditEvent.count({ where: { action: "user.sessions_revoked", targetId: user.id } })).toBe(1);
  });
});
