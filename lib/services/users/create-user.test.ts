import { afterEach, describe, expect, it, vi } from "vitest";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { userCreateSchema } from "@/lib/schemas/user";
import { createUser } from "@/lib/services/users/create-user";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";
import { actorFor, createUser as createTestUser, uniqueEmail } from "@/tests/support/factories";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: AppError) => error.code,
  );

describe("createUser", () => {
  afterEach(() => resetConfigOverrides());

  it("creates a user with a password and never returns the hash", async () => {
    const { user: admin } = await createTestUser({ role: "admin" });
    const data = userCreateSchema.parse({ email: uniqueEmail("New"), password: "a long enough passphrase" });
    const created = await createUser({ actor: actorFor(admin), data });
    expect(created).toMatchObject({ email: data.email, role: "user", hasPassword: true });
    expect(JSON.stringify(created)).not.toMatch(/\$2[aby]\$/);
    expect(await db().auditEvent.count({ where: { action: "user.created", targetId: created.id } })).toBe(1);
  });

  it("invites a user: no password, a hashed single-use link, and an email in the outbox", async () => {
    const { user: admin } = await createTestUser({ role: "admin" });
    const email = uniqueEmail("invited");
    const created = await createUser({ actor: actorFor(admin), data: userCreateSchema.parse({ email, invite: true }) });
    expect(created.hasPassword).toBe(false);
    const [mail] = await db().mailMessage.findMany({ where: { to: email } });
    const token = /reset-password\?token=([\w-]+)/.exec(mail!.text)![1]!;
    const stored = await db().oneTimeToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(stored).toMatchObject({ userId: created.id, purpose: "password_reset", usedAt: null });
    const days = (stored.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
  });

  it("gives the invitation link the life of every invitation link, and escapes what it puts in the HTML", async () => {
    configOverrides.INVITATION_TTL_DAYS = 2;
    const { user: admin } = await createTestUser({ role: "admin" });
    const email = uniqueEmail("invited");
    const name = `Ada <img src=x onerror=alert(1)> & "Co"`;
    await createUser({ actor: actorFor(admin), data: userCreateSchema.parse({ email, name, invite: true }) });
    const mail = await db().mailMessage.findFirstOrThrow({ where: { to: email } });
    const token = /reset-password\?token=([\w-]+)/.exec(mail.text)![1]!;
    const stored = await db().oneTimeToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    const days = (stored.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(1.9);
    expect(days).toBeLessThanOrEqual(2);
    expect(mail.text).toContain(stored.expiresAt.toUTCString());
    expect(mail.html).toContain("Ada &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;");
    expect(mail.html).not.toContain("<img");
  });

  it("refuses a taken email, even under concurrency, and roles the actor cannot give", async () => {
    const { user: admin } = await createTestUser({ role: "admin" });
    const data = userCreateSchema.parse({ email: uniqueEmail(), password: "a long enough passphrase" });
    const results = await Promise.all(Array.from({ length: 5 }, () => codeOf(createUser({ actor: actorFor(admin), data }))));
    expect(results.filter((code) => code === "ok")).toHaveLength(1);
    expect(results.filter((code) => code === "conflict")).toHaveLength(4);
    const superadmin = userCreateSchema.parse({ email: uniqueEmail(), invite: true, role: "superadmin" });
    expect(await codeOf(createUser({ actor: actorFor(admin), data: superadmin }))).toBe("forbidden");
  });

  it("asks for either a password or an invitation", () => {
    const neither = userCreateSchema.safeParse({ email: uniqueEmail() });
    expect(neither.error?.issues[0]?.path).toEqual(["password"]);
    const both = userCreateSchema.safeParse({ email: uniqueEmail(), invite: true, password: "a long enough passphrase" });
    expect(both.success).toBe(false);
  });
});
