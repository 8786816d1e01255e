import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/services/auth/verify-credentials";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";
import { appErrorOf } from "@/tests/support/errors";
import { createUser } from "@/tests/support/factories";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));

afterEach(resetConfigOverrides);

describe("verifyCredentials with EMAIL_VERIFICATION=required", () => {
  it("refuses an unconfirmed email only once the password was right", async () => {
    configOverrides.EMAIL_VERIFICATION = "required";
    const { user, password } = await createUser();
    expect((await appErrorOf(verifyCredentials({ email: user.email, password: "not the password" }))).code).toBe("unauthorized");
    expect((await appErrorOf(verifyCredentials({ email: user.email, password }))).code).toBe("forbidden");

    await db().user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
    await expect(verifyCredentials({ email: user.email, password })).resolves.toMatchObject({ id: user.id });
  });

  it("lets unconfirmed emails in when verification is optional", async () => {
    configOverrides.EMAIL_VERIFICATION = "optional";
    const { user, password } = await createUser();
    await expect(verifyCredentials({ email: user.email, password })).resolves.toMatchObject({ id: user.id });
  });
});
