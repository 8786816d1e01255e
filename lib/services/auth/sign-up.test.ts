import { afterEach, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireVerifiedEmail } from "@/lib/services/auth/require-verified-email";
import { signUp } from "@/lib/services/auth/sign-up";
import { verifyEmail } from "@/lib/services/auth/verify-email";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";
import { createUser, uniqueEmail } from "@/tests/support/factories";
import { latestMailTo, linkTokenFromMail } from "@/tests/support/mail";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
afterEach(resetConfigOverrides);

const password = "tangerine kettle orbit 47";

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("signUp", () => {
  it("creates a user with the role user and mails a verification link", async () => {
    const email = uniqueEmail("new");
    await signUp({ email, name: "New Person", password });
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: "New Person", role: "user", status: "active", emailVerified: null });
    expect(await verifyPassword(password, user.passwordHash)).toBe(true);
    expect((await latestMailTo(email))?.subject).toBe("Confirm your email address");
    expect(await db().auditEvent.count({ where: { action: "auth.sign_up", targetId: user.id } })).toBe(1);
  });

  it("answers a registered address the same, changes nothing, and tells its owner", async () => {
    const { user } = await createUser();
    const fresh = await signUp({ email: uniqueEmail("fresh"), name: "Fresh", password });
    expect(await signUp({ email: user.email, name: "Intruder", password })).toEqual(fresh);
    const unchanged = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(unchanged.name).toBe(user.name);
    expect(unchanged.passwordHash).toBe(user.passwordHash);
    expect((await latestMailTo(user.email))?.subject).toBe("Someone tried to register with your email address");
  });

  it("is refused when turned off", async () => {
    configOverrides.SIGN_UP_ENABLED = false;
    const email = uniqueEmail("closed");
    expect((await failureOf(signUp({ email, name: "Closed", password }))).code).toBe("forbidden");
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("sends a welcome instead of a link when verification is off", async () => {
    configOverrides.EMAIL_VERIFICATION = "off";
    const email = uniqueEmail("welcome");
    await signUp({ email, name: "Welcome", password });
    expect((await latestMailTo(email))?.subject).toBe("Welcome to Usermanager");
  });
});

describe("verifyEmail", () => {
  it("confirms the address once, and then lets a required-verification user sign in", async () => {
    configOverrides.EMAIL_VERIFICATION = "required";
    const email = uniqueEmail("verify");
    await signUp({ email, name: "Verify", password });
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect((await failureOf(requireVerifiedEmail({ userId: user.id }))).code).toBe("forbidden");

    const token = await linkTokenFromMail(email, "/verify-email");
    expect(await verifyEmail({ token })).toEqual({ email, changed: false });
    expect((await db().user.findUniqueOrThrow({ where: { email } })).emailVerified).toBeInstanceOf(Date);
    await expect(requireVerifiedEmail({ userId: user.id })).resolves.toBeUndefined();
    expect(await db().auditEvent.count({ where: { action: "auth.email_verified", targetId: user.id } })).toBe(1);
    expect((await failureOf(verifyEmail({ token }))).message).toMatch(/already used/);
  });

  it("does not hold back unverified users unless verification is required", async () => {
    configOverrides.EMAIL_VERIFICATION = "optional";
    const { user } = await createUser();
    await expect(requireVerifiedEmail({ userId: user.id })).resolves.toBeUndefined();
  });

  it("refuses an expired link", async () => {
    const email = uniqueEmail("late");
    await signUp({ email, name: "Late", password });
    const token = await linkTokenFromMail(email, "/verify-email");
    await db().oneTimeToken.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await failureOf(verifyEmail({ token }))).message).toMatch(/not valid or has expired/);
  });
});
