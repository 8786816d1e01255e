import { afterEach, describe, expect, it, vi } from "vitest";
import { issueDeviceCookie } from "@/lib/auth/device-cookie";
import { db } from "@/lib/db";
import { runWithRequestContext } from "@/lib/request-context";
import { verifyCredentials } from "@/lib/services/auth/verify-credentials";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";
import { appErrorOf } from "@/tests/support/errors";
import { createUser } from "@/tests/support/factories";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));

afterEach(resetConfigOverrides);

/** A request from this address, from a browser that sends this device cookie (or none). */
const from = <T>(ip: string, deviceCookie: string | null, fn: () => Promise<T>) =>
  runWithRequestContext({ requestId: "test", ip, userAgent: null, deviceCookie }, fn);
const newAddress = () => `ip-${crypto.randomUUID()}`;

const signIn = (email: string, password: string, ip: string, deviceCookie: string | null = null) =>
  from(ip, deviceCookie, () => verifyCredentials({ email, password }));
const refusal = async (attempt: Promise<unknown>) => (await appErrorOf(attempt)).code;

/** Five wrong passwords from each address, addresses side by side, as a botnet sends them. */
async function guessFromAddresses(email: string, count: number): Promise<string[]> {
  const ips = Array.from({ length: count }, newAddress);
  await Promise.all(
    ips.map(async (ip) => {
      for (let attempt = 0; attempt < 5; attempt++) await refusal(signIn(email, "wrong", ip));
    }),
  );
  return ips;
}

// 105 bcrypt comparisons, on a machine other tests share.
const botnetTimeout = 120_000;

describe("a browser that signed in before (device cookie)", () => {
  it(
    "still signs its owner in after 21 addresses × 5 wrong passwords pushed the account over its ceiling",
    async () => {
      const { user, password } = await createUser();
      const ownBrowser = issueDeviceCookie(user.id);

      // With the default limits: 105 guesses against a ceiling of 100.
      const botnet = await guessFromAddresses(user.email, 21);
      const refusedForAccount = {
        action: "auth.sign_in_failed",
        targetId: user.id,
        after: { path: ["reason"], equals: "too_many_for_account" },
      };
      expect(await db().auditEvent.count({ where: refusedForAccount })).toBeGreaterThan(0);

      // Without the cookie the ceiling holds, for everyone, as before.
      expect(await refusal(signIn(user.email, password, newAddress()))).toBe("rate_limited");
      const lockedUntil = (await db().user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil;
      expect(lockedUntil).toBeInstanceOf(Date);

      // The owner's browser is held to its own count only, from a fresh address or a guessing one.
      await expect(signIn(user.email, password, newAddress(), ownBrowser)).resolves.toMatchObject({ id: user.id });
      await expect(signIn(user.email, password, botnet[0]!, ownBrowser)).resolves.toMatchObject({ id: user.id });
      // Administrators still see the account locked: the ceiling still refuses everyone else.
      expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).toEqual(lockedUntil);
      expect(await refusal(signIn(user.email, password, newAddress()))).toBe("rate_limited");
    },
    botnetTimeout,
  );

  it("counts as none when altered, made up, or issued for another account", async () => {
    configOverrides.RATE_LIMIT_SIGN_IN_PER_ACCOUNT = 2;
    const { user, password } = await createUser();
    const { user: other } = await createUser();
    const genuine = issueDeviceCookie(user.id);
    for (let i = 0; i < 2; i++) await refusal(signIn(user.email, "wrong", newAddress()));

    const parts = genuine.split(".");
    const altered = [...parts.slice(0, 5), `${parts[5]!.startsWith("A") ? "B" : "A"}${parts[5]!.slice(1)}`].join(".");
    for (const cookie of [altered, "made.up.value.v1.key.mac", issueDeviceCookie(other.id)]) {
      expect(await refusal(signIn(user.email, password, newAddress(), cookie)), cookie).toBe("rate_limited");
    }
    await expect(signIn(user.email, password, newAddress(), genuine)).resolves.toMatchObject({ id: user.id });
  });

  it("is delayed by its own wrong passwords, which hold back neither the owner's other browsers nor the address", async () => {
    const { user, password } = await createUser();
    const stolen = issueDeviceCookie(user.id);
    const ownBrowser = issueDeviceCookie(user.id);
    const ip = newAddress();

    const codes = [];
    for (let attempt = 0; attempt < 5; attempt++) codes.push(await refusal(signIn(user.email, "wrong", ip, stolen)));
    expect(codes).toEqual([...Array(4).fill("unauthorized"), "rate_limited"]);
    // The cookie waits wherever it is sent from, even with the right password.
    expect(await refusal(signIn(user.email, password, newAddress(), stolen))).toBe("rate_limited");

    await expect(signIn(user.email, password, ip, ownBrowser)).resolves.toMatchObject({ id: user.id });
    await expect(signIn(user.email, password, ip)).resolves.toMatchObject({ id: user.id });

    const audited = await db().auditEvent.findMany({ where: { action: "auth.sign_in_failed", targetId: user.id }, orderBy: { at: "asc" } });
    expect(audited.map((event) => event.after)).toEqual([
      ...Array(4).fill({ reason: "wrong_password", trustedDevice: true }),
      { reason: "wrong_password", trustedDevice: true, delayedUntil: expect.any(String) },
      { reason: "delayed", trustedDevice: true },
    ]);
  });
});
