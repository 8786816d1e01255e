import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runWithRequestContext } from "@/lib/request-context";
import { verifyCredentials } from "@/lib/services/auth/verify-credentials";
import { appErrorOf } from "@/tests/support/errors";
import { createUser, uniqueEmail } from "@/tests/support/factories";

// Read lazily by config(), so this file's limits apply to this file only.
process.env.RATE_LIMIT_SIGN_IN_PER_IP = "3";
process.env.RATE_LIMIT_SIGN_IN_PER_ACCOUNT = "2";
process.env.LOCKOUT_THRESHOLD = "50";

const from = <T>(ip: string, fn: () => Promise<T>) => runWithRequestContext({ requestId: "test", ip, userAgent: null }, fn);
const newAddress = () => `ip-${crypto.randomUUID()}`;
const randomHex = () => Math.floor(Math.random() * 0x10000).toString(16);
const wrongPassword = () => appErrorOf(verifyCredentials({ email: uniqueEmail(), password: "wrong" }));

const reasonsAudited = async (email: string) =>
  (await db().auditEvent.findMany({ where: { action: "auth.sign_in_failed", actorEmail: email }, orderBy: { at: "asc" } })).map(
    (event) => (event.after as { reason: string }).reason,
  );

describe("verifyCredentials rate limits", () => {
  it("refuses a client address over its limit with 429 and Retry-After, whatever the account", async () => {
    const ip = newAddress();
    const codes = [];
    for (let i = 0; i < 4; i++) {
      codes.push((await from(ip, () => appErrorOf(verifyCredentials({ email: uniqueEmail(), password: "wrong" })))).code);
    }
    expect(codes).toEqual(["unauthorized", "unauthorized", "unauthorized", "rate_limited"]);
    const email = uniqueEmail();
    const refused = await from(ip, () => appErrorOf(verifyCredentials({ email, password: "wrong" })));
    expect(Number(refused.headers?.["retry-after"])).toBeGreaterThan(0);
    expect(await reasonsAudited(email)).toEqual(["too_many_from_address"]);
  });

  it("counts an IPv6 client by its /64, and an IPv4-mapped address as the IPv4 client", async () => {
    const network = `2001:db8:${randomHex()}:${randomHex()}`;
    const codes = [];
    for (const ip of [`${network}::1`, `${network}::2`, `${network}:a:b:c:d`, `${network}:ffff:ffff:ffff:ffff`]) {
      codes.push((await from(ip, () => wrongPassword())).code);
    }
    expect(codes).toEqual(["unauthorized", "unauthorized", "unauthorized", "rate_limited"]);

    const ipv4 = `198.51.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
    const mapped = [];
    for (const ip of [ipv4, `::ffff:${ipv4}`, ipv4, `::ffff:${ipv4}`]) mapped.push((await from(ip, () => wrongPassword())).code);
    expect(mapped).toEqual(["unauthorized", "unauthorized", "unauthorized", "rate_limited"]);
  });

  it("bounds a botnet: the account's ceiling refuses fresh addresses, right password or not", async () => {
    const { user, password } = await createUser();
    await from(newAddress(), () => appErrorOf(verifyCredentials({ email: user.email, password: "wrong" })));
    await from(newAddress(), () => appErrorOf(verifyCredentials({ email: user.email, password: "wrong" })));
    const refused = await from(newAddress(), () => appErrorOf(verifyCredentials({ email: user.email, password })));
    expect(refused.code).toBe("rate_limited");
    expect(refused.message).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);
    expect(await reasonsAudited(user.email)).toEqual(["wrong_password", "wrong_password", "too_many_for_account"]);
    // An administrator sees the account as locked until the ceiling's window ends, audited once.
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).toBeInstanceOf(Date);
    await from(newAddress(), () => appErrorOf(verifyCredentials({ email: user.email, password })));
    expect(await db().auditEvent.count({ where: { action: "auth.locked_out", actorId: user.id } })).toBe(1);
  });

  it("does not count successful sign-ins against the account's ceiling", async () => {
    const { user, password } = await createUser();
    for (let i = 0; i < 4; i++) {
      await expect(from(newAddress(), () => verifyCredentials({ email: user.email, password }))).resolves.toMatchObject({ id: user.id });
    }
    await from(newAddress(), () => appErrorOf(verifyCredentials({ email: user.email, password: "wrong" })));
    await expect(from(newAddress(), () => verifyCredentials({ email: user.email, password }))).resolves.toMatchObject({ id: user.id });
  });

  it("still counts successful sign-ins against the client address", async () => {
    const { user, password } = await createUser();
    const ip = newAddress();
    for (let i = 0; i < 3; i++) await from(ip, () => verifyCredentials({ email: user.email, password }));
    expect((await from(ip, () => appErrorOf(verifyCredentials({ email: user.email, password })))).code).toBe("rate_limited");
  });
});
