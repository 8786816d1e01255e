import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { generatePersonalAccessToken, hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { statsQuerySchema } from "@/lib/schemas/stats";
import { getStats } from "@/lib/services/stats/get-stats";
import { recordUserActivity } from "@/lib/services/stats/record-user-activity";
import { purgedEmail } from "@/lib/services/users/purged-email";
import { actorFor, createUser } from "@/tests/support/factories";
import { createOrganizationFor } from "@/tests/support/organizations";
import { withPrivateDatabase } from "@/tests/support/private-database";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
withPrivateDatabase();

const at = (iso: string) => new Date(iso);
const hour = 3600_000;
const week = { from: "2001-03-01", to: "2001-03-07" };

async function seedAuditEvents(actorId: string) {
  const event = (action: string, iso: string, after?: object) => ({ action, at: at(iso), actorId, after });
  await db().auditEvent.createMany({
    data: [
      event("auth.sign_in", "2001-02-28T23:59:59.999Z"),
      event("auth.sign_in", "2001-03-01T10:00:00Z"),
      event("auth.sso_sign_in", "2001-03-01T11:00:00Z"),
      event("auth.sign_in_failed", "2001-03-01T12:00:00Z", { reason: "wrong_password" }),
      event("user.updated", "2001-03-01T13:00:00Z"),
      event("auth.sign_in_failed", "2001-03-02T23:59:59.999Z", { reason: "wrong_password" }),
      event("auth.sign_in_failed", "2001-03-03T00:00:00Z", { reason: "unknown_email" }),
      event("auth.locked_out", "2001-03-03T00:00:00.001Z"),
      event("user.role_changed", "2001-03-04T09:00:00Z"),
      event("user.purged", "2001-03-05T08:00:00Z"),
      event("auth.sign_in", "2001-03-08T00:00:00Z"),
    ],
  });
}

async function seedActivity(users: { id: string }[]) {
  const [first, second, third] = users;
  const days = [
    [first, "2001-03-01"],
    [first, "2001-03-02"],
    [first, "2001-03-07"],
    [second, "2001-03-07"],
    [third, "2001-02-20"],
    [third, "2001-02-01"],
  ] as const;
  await db().userActivityDay.createMany({ data: days.map(([user, day]) => ({ userId: user!.id, day: at(day) })) });
}

describe("getStats", () => {
  it("counts each day of the range exactly, at UTC day boundaries", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const created = await Promise.all(
      ["2001-03-01T00:00:00Z", "2001-03-01T23:59:59.999Z", "2001-03-03T12:00:00Z", "2001-03-08T00:00:00Z"].map((iso) =>
        createUser().then(({ user }) => db().user.update({ where: { id: user.id }, data: { createdAt: at(iso) } })),
      ),
    );
    await seedAuditEvents(admin.id);
    await seedActivity(created);

    const stats = await getStats({ actor: actorFor(admin), query: week });

    expect(stats.days).toEqual([
      { date: "2001-03-01", newUsers: 2, signIns: 2, failedSignIns: 1, activeUsers: 1 },
      { date: "2001-03-02", newUsers: 0, signIns: 0, failedSignIns: 1, activeUsers: 1 },
      { date: "2001-03-03", newUsers: 1, signIns: 0, failedSignIns: 1, activeUsers: 0 },
      { date: "2001-03-04", newUsers: 0, signIns: 0, failedSignIns: 0, activeUsers: 0 },
      { date: "2001-03-05", newUsers: 0, signIns: 0, failedSignIns: 0, activeUsers: 0 },
      { date: "2001-03-06", newUsers: 0, signIns: 0, failedSignIns: 0, activeUsers: 0 },
      { date: "2001-03-07", newUsers: 0, signIns: 0, failedSignIns: 0, activeUsers: 2 },
    ]);
    expect(stats.activeUsers).toEqual({ daily: 2, weekly: 2, monthly: 3 });
    expect(stats.failureReasons).toEqual([
      { reason: "wrong_password", count: 2 },
      { reason: "unknown_email", count: 1 },
    ]);
    expect(stats.securityEvents.map((event) => event.action)).toEqual(["user.purged", "user.role_changed", "auth.locked_out"]);
  });

  it("names the user each security event is about, while the account exists", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const { user: changed } = await createUser();
    const { user: purged } = await createUser();
    await db().user.update({ where: { id: purged.id }, data: { email: purgedEmail(purged.id) } });
    await db().auditEvent.createMany({
      data: [
        { action: "user.disabled", at: at("2002-03-01T09:00:00Z"), actorId: admin.id, targetType: "user", targetId: purged.id },
        { action: "user.role_changed", at: at("2002-03-02T09:00:00Z"), actorId: admin.id, targetType: "user", targetId: changed.id },
        { action: "user.purged", at: at("2002-03-03T09:00:00Z"), actorId: admin.id, targetType: "user", targetId: randomUUID() },
      ],
    });
    const stats = await getStats({ actor: actorFor(admin), query: { from: "2002-03-01", to: "2002-03-07" } });
    expect(stats.securityEvents.map(({ action, targetEmail }) => [action, targetEmail])).toEqual([
      ["user.purged", null],
      ["user.role_changed", changed.email],
      ["user.disabled", null],
    ]);
  });

  it("counts each active user once a day, whether a mark repeats or its user is removed", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const [{ user: first }, { user: second }] = await Promise.all([createUser(), createUser()]);
    const day = at("2002-05-01T10:00:00Z");
    for (const { id } of [first, first, second, first]) await recordUserActivity(db(), { userId: id, at: day });
    await db().userActivityDay.createMany({ data: [first, second].map(({ id }) => ({ userId: id, day })), skipDuplicates: true });
    const activeOn = async () =>
      (await getStats({ actor: actorFor(admin), query: { from: "2002-05-01", to: "2002-05-01" } })).days[0]!.activeUsers;

    expect(await activeOn()).toBe(2);
    await db().user.delete({ where: { id: second.id } });
    expect(await activeOn()).toBe(1);
  });

  it("counts users, organizations, invitations and tokens as they stand now", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const before = await getStats({ actor: actorFor(admin), query: week });
    const now = Date.now();

    await createUser();
    await createUser({ status: "disabled" });
    const { user: locked } = await createUser();
    await db().user.update({ where: { id: locked.id }, data: { lockedUntil: new Date(now + hour) } });
    const { user: unlocked } = await createUser();
    await db().user.update({ where: { id: unlocked.id }, data: { lockedUntil: new Date(now - hour) } });
    const { user: deleted } = await createUser();
    await db().user.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const { user: purged } = await createUser();
    await db().user.update({ where: { id: purged.id }, data: { deletedAt: new Date(), email: purgedEmail(purged.id) } });

    const organization = await createOrganizationFor(actorFor(admin));
    const gone = await createOrganizationFor(actorFor(admin));
    await db().organization.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    const invite = async (organizationId: string, data: object = {}) => {
      const role = await db().organizationRole.findFirstOrThrow({ where: { organizationId, name: "member" } });
      await db().invitation.create({
        data: {
          organizationId,
          roleId: role.id,
          email: `${crypto.randomUUID()}@example.test`,
          tokenHash: crypto.randomUUID(),
          expiresAt: new Date(now + hour),
          ...data,
        },
      });
    };
    await invite(organization.id);
    await invite(organization.id, { expiresAt: new Date(now - hour) });
    await invite(organization.id, { acceptedAt: new Date() });
    await invite(organization.id, { revokedAt: new Date() });
    await invite(gone.id);

    const { user: disabled } = await createUser({ status: "disabled" });
    const token = async (userId: string, data: object = {}) =>
      db().apiToken.create({
        data: { userId, name: "t", prefix: "umt_x", tokenHash: hashToken(generatePersonalAccessToken().token), scopes: ["read"], ...data },
      });
    await token(admin.id);
    await token(admin.id, { expiresAt: new Date(now + hour) });
    await token(admin.id, { expiresAt: new Date(now - hour) });
    await token(admin.id, { revokedAt: new Date() });
    await token(disabled.id);

    // A second factor counts once per user, only when confirmed, and not for a deleted user.
    const factor = (userId: string, confirmedAt: Date | null) =>
      db().mfaFactor.create({ data: { userId, kind: "totp", name: "app", totpSecret: "sealed", confirmedAt } });
    await factor(admin.id, new Date());
    await factor(admin.id, new Date());
    await factor(locked.id, null);
    await factor(deleted.id, new Date());

    const after = await getStats({ actor: actorFor(admin), query: week });
    expect(after.users).toEqual({
      total: before.users.total + 5,
      active: before.users.active + 3,
      disabled: before.users.disabled + 2,
      lockedNow: before.users.lockedNow + 1,
      deletedAwaitingPurge: before.users.deletedAwaitingPurge + 1,
      withSecondFactor: before.users.withSecondFactor + 1,
    });
    expect(after.organizations).toBe(before.organizations + 1);
    expect(after.pendingInvitations).toBe(before.pendingInvitations + 1);
    expect(after.activeApiTokens).toBe(before.activeApiTokens + 2);
  });

  it("is refused to users and to a token limited to one organization", async () => {
    const { user } = await createUser();
    const { user: admin } = await createUser({ role: "superadmin" });
    const limited = { ...actorFor(admin), via: "api_token" as const, scopes: ["read" as const], organizationId: crypto.randomUUID() };
    for (const actor of [actorFor(user), limited]) {
      await expect(getStats({ actor, query: week })).rejects.toSatisfy((error) => error instanceof AppError && error.code === "forbidden");
    }
  });
});

describe("the stats query", () => {
  it("defaults to the 30 days up to today", () => {
    const query = statsQuerySchema.parse({});
    expect(query.to).toBe(new Date().toISOString().slice(0, 10));
    expect((Date.parse(query.to) - Date.parse(query.from)) / 86_400_000).toBe(29);
  });

  it.each([
    [{ from: "2001-03-08", to: "2001-03-07" }, "Must not be after `to`."],
    [{ from: "2000-01-01", to: "2001-12-31" }, "Cover at most 366 days."],
    [{ from: "0000-01-01" }, "Use a date between 2000-01-01 and 2999-12-31."],
    [{ from: "yesterday" }, "Use a date such as 2026-01-31."],
  ])("refuses %o, naming the field", (input, message) => {
    const result = statsQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["from"], message });
  });
});
