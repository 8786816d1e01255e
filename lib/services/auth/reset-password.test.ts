import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { settleWorkAfterResponse } from "@/lib/after-response";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { runWithRequestContext } from "@/lib/request-context";
import { passwordResetAccepted, requestPasswordReset } from "@/lib/services/auth/request-password-reset";
import { resetPassword } from "@/lib/services/auth/reset-password";
import { sendPasswordReset } from "@/lib/services/auth/send-password-reset";
import { signInWithPassword } from "@/lib/services/auth/sign-in-with-password";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";
import { actorFor, createUser, uniqueEmail } from "@/tests/support/factories";
import { latestMailTo, linkTokenFromMail } from "@/tests/support/mail";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
afterEach(resetConfigOverrides);

const newPassword = "a brand new passphrase 42";

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Moves the address's reset-mail interval into the past. */
const endResetMailInterval = (email: string) => db().rateLimitBucket.deleteMany({ where: { key: `password-reset:sent:${email}` } });

describe("password reset", () => {
  it("answers the same for a registered and an unknown address, mailing only the account", async () => {
    const { user } = await createUser();
    const unknown = uniqueEmail("nobody");
    expect(await requestPasswordReset({ email: unknown })).toEqual(await requestPasswordReset({ email: user.email }));
    await settleWorkAfterResponse();
    expect(await latestMailTo(unknown)).toBeNull();
    const mail = await latestMailTo(user.email);
    expect(mail?.subject).toBe("Reset your password");
    expect(mail?.text).toMatch(/^http:\/\/localhost:3000\/reset-password\?token=/m);
    expect(await db().auditEvent.count({ where: { action: "auth.password_reset_requested", targetId: user.id } })).toBe(1);
  });

  it("sets the password, ends every session, and works only once", async () => {
    const { user, password } = await createUser();
    await signInWithPassword({ email: user.email, password });
    await signInWithPassword({ email: user.email, password });
    await requestPasswordReset({ email: user.email });
    await settleWorkAfterResponse();
    const token = await linkTokenFromMail(user.email, "/reset-password");
    const stored = await db().oneTimeToken.findFirstOrThrow({ where: { userId: user.id, purpose: "password_reset" } });
    expect(stored.tokenHash).not.toContain(token);

    expect(await resetPassword({ token, password: newPassword })).toEqual({ email: user.email });
    const updated = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(newPassword, updated.passwordHash)).toBe(true);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "auth.password_reset_completed", targetId: user.id } })).toBe(1);

    const again = await failureOf(resetPassword({ token, password: "yet another passphrase 7" }));
    expect(again.message).toBe("This link was already used. Ask for a new one if you still need it.");
    expect(await verifyPassword(newPassword, (await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash)).toBe(true);
  });

  it("refuses an expired link, an unknown one, and one superseded by a newer email", async () => {
    const { user } = await createUser();
    await requestPasswordReset({ email: user.email });
    await settleWorkAfterResponse();
    const older = await linkTokenFromMail(user.email, "/reset-password");
    await endResetMailInterval(user.email);
    await requestPasswordReset({ email: user.email });
    await settleWorkAfterResponse();
    const newer = await linkTokenFromMail(user.email, "/reset-password");
    expect((await failureOf(resetPassword({ token: older, password: newPassword }))).code).toBe("bad_request");

    await db().oneTimeToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await failureOf(resetPassword({ token: newer, password: newPassword }));
    expect(expired.message).toBe("This link is not valid or has expired. Ask for a new one.");
    expect((await failureOf(resetPassword({ token: "x".repeat(43), password: newPassword }))).code).toBe("bad_request");
  });

  it("makes links valid for the configured time", async () => {
    configOverrides.PASSWORD_RESET_TTL_MINUTES = 30;
    const { user } = await createUser();
    const before = Date.now();
    await requestPasswordReset({ email: user.email });
    await settleWorkAfterResponse();
    const stored = await db().oneTimeToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.expiresAt.getTime() - before).toBeGreaterThan(29 * 60_000);
    expect(stored.expiresAt.getTime() - before).toBeLessThanOrEqual(30 * 60_000 + 5_000);
  });

  it("mails an address at most once per interval, and never refuses its owner", async () => {
    const { user } = await createUser();
    const stranger = { requestId: "test", ip: `stranger-${randomUUID()}`, userAgent: null };
    const owner = { requestId: "test", ip: `owner-${randomUUID()}`, userAgent: null };
    const answers = await runWithRequestContext(stranger, async () => {
      const all = [];
      for (let i = 0; i < 8; i++) all.push(await requestPasswordReset({ email: user.email }));
      return all;
    });
    expect(answers).toEqual(Array(8).fill(passwordResetAccepted));
    // The owner's own request, after all that, is answered as usual rather than with 429.
    expect(await runWithRequestContext(owner, () => requestPasswordReset({ email: user.email }))).toEqual(passwordResetAccepted);
    await settleWorkAfterResponse();
    expect(await db().mailMessage.count({ where: { to: user.email } })).toBe(1);
    // The one link that went out is the owner's to use.
    expect(await resetPassword({ token: await linkTokenFromMail(user.email, "/reset-password"), password: newPassword })).toEqual({
      email: user.email,
    });

    await endResetMailInterval(user.email);
    await runWithRequestContext(owner, () => requestPasswordReset({ email: user.email }));
    await settleWorkAfterResponse();
    // Two reset links; between them, the notice that the password was reset.
    expect(await db().mailMessage.count({ where: { to: user.email, subject: "Reset your password" } })).toBe(2);
  });

  it("limits requests per client address", async () => {
    configOverrides.RATE_LIMIT_IP_PER_HOUR = 3;
    const client = { requestId: "test", ip: `test-client-${randomUUID()}`, userAgent: null };
    await runWithRequestContext(client, async () => {
      for (let i = 0; i < 3; i++) await requestPasswordReset({ email: uniqueEmail("limited") });
      const perClient = await failureOf(requestPasswordReset({ email: uniqueEmail("other") }));
      expect(perClient.code).toBe("rate_limited");
      expect(Number(perClient.headers?.["retry-after"])).toBeGreaterThan(0);
    });
  });

  it("lets an administrator send a link, but not an admin to a superadmin", async () => {
    const { user: admin } = await createUser({ role: "admin" });
    const { user: target } = await createUser();
    const { user: superadmin } = await createUser({ role: "superadmin" });
    expect(await sendPasswordReset({ actor: actorFor(admin), userId: target.id })).toEqual({ sent: true });
    expect((await latestMailTo(target.email))?.subject).toBe("Reset your password");
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "auth.password_reset_requested", targetId: target.id } });
    expect(event.actorId).toBe(admin.id);

    expect((await failureOf(sendPasswordReset({ actor: actorFor(admin), userId: superadmin.id }))).code).toBe("forbidden");
    expect((await failureOf(sendPasswordReset({ actor: actorFor(target), userId: admin.id }))).code).toBe("not_found");
  });
});
