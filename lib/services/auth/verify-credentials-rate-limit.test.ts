import { describe, expect, it } from "vitest";
import { runWithRequestContext } from "@/lib/request-context";
import { verifyCredentials } from "@/lib/services/auth/verify-credentials";
import { appErrorOf } from "@/tests/support/errors";
import { createUser, uniqueEmail } from "@/tests/support/factories";

// Read lazily by config(), so this file's limits apply to this file only.
process.env.RATE_LIMIT_SIGN_IN_PER_IP = "3";
process.env.RATE_LIMIT_SIGN_IN_PER_ACCOUNT = "2";
process.env.LOCKOUT_THRESHOLD = "50";

const from = <T>(ip: string, fn: () => Promise<T>) => runWithRequestContext({ requestId: "test", ip, userAgent: null }, fn);

describe("verifyCredentials rate limits", () => {
  it("refuses a client address over its limit with 429 and Retry-After, whatever the account", async () => {
    const ip = `ip-${crypto.randomUUID()}`;
    const codes = [];
    for (let i = 0; i < 4; i++) {
      codes.push((await from(ip, () => appErrorOf(verifyCredentials({ email: uniqueEmail(), password: "wrong" })))).code);
    }
    expect(codes).toEqual(["unauthorized", "unauthorized", "unauthorized", "rate_limited"]);
    const refused = await from(ip, () => appErrorOf(verifyCredentials({ email: uniqueEmail(), password: "wrong" })));
    expect(Number(refused.headers?.["retry-after"])).toBeGreaterThan(0);
  });

  it("refuses an account over its limit even from fresh addresses, right password or not", async () => {
    const { user, password } = await createUser();
    await from(`ip-${crypto.randomUUID()}`, () => appErrorOf(verifyCredentials({ email: user.email, password: "wrong" })));
    await from(`ip-${crypto.randomUUID()}`, () => appErrorOf(verifyCredentials({ email: user.email, password: "wrong" })));
    const refused = await from(`ip-${crypto.randomUUID()}`, () => appErrorOf(verifyCredentials({ email: user.email, password })));
    expect(refused.code).toBe("rate_limited");
    expect(refused.message).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);
  });

  it("does not count successful sign-ins against the account's limit", async () => {
    const { user, password } = await createUser();
    for (let i = 0; i < 4; i++) {
      await expect(from(`ip-${crypto.randomUUID()}`, () => verifyCredentials({ email: user.email, password }))).resolves.toMatchObject({ id: user.id });
    }
    await from(`ip-${crypto.randomUUID()}`, () => appErrorOf(verifyCredentials({ email: user.email, password: "wrong" })));
    await expect(from(`ip-${crypto.randomUUID()}`, () => verifyCredentials({ email: user.email, password }))).resolves.toMatchObject({ id: user.id });
  });

  it("still counts successful sign-ins against the client address", async () => {
    const { user, password } = await createUser();
    const ip = `ip-${crypto.randomUUID()}`;
    for (let i = 0; i < 3; i++) await from(ip, () => verifyCredentials({ email: user.email, password }));
    expect((await from(ip, () => appErrorOf(verifyCredentials({ email: user.email, password })))).code).toBe("rate_limited");
  });
});
