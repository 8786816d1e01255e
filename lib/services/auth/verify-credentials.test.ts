import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runWithRequestContext } from "@/lib/request-context";
import { signInWithPassword } from "@/lib/services/auth/sign-in-with-password";
import { verifyCredentials } from "@/lib/services/auth/verify-credentials";
import { appErrorOf } from "@/tests/support/errors";
import { createUser, uniqueEmail } from "@/tests/support/factories";

// Every test uses addresses of its own, so the per-address limit never joins in.
const newAddress = () => `198.51.100.${Math.floor(Math.random() * 250)}-${crypto.randomUUID()}`;
const from = <T>(ip: string, fn: () => Promise<T>) => runWithRequestContext({ requestId: "test", ip, userAgent: null }, fn);

async function failTimes(ip: string, email: string, times: number) {
  const errors = [];
  for (let i = 0; i < times; i++) errors.push(await from(ip, () => appErrorOf(verifyCredentials({ email, password: "wrong password" }))));
  return errors;
}

/** Moves the pair's last failure into the past, as if its delay had run out. */
async function endDelay(email: string, ip: string, seconds = 901) {
  await db().$executeRaw`
    UPDATE rate_limit_buckets SET reset_at = reset_at - make_interval(secs => ${seconds})
    WHERE key = ${`sign-in:failures:${email}:${ip}`}`;
}

describe("verifyCredentials delays per account and client address", () => {
  it("delays an address after 5 failures for 30 s, doubling after each further failure", async () => {
    const { user, password } = await createUser();
    const ip = newAddress();
    const errors = await failTimes(ip, user.email, 5);
    expect(errors.slice(0, 4).map((error) => error.code)).toEqual(Array(4).fill("unauthorized"));
    expect(errors[4]!.code).toBe("rate_limited");
    expect(errors[4]!.headers?.["retry-after"]).toBe("30");
    expect(errors[4]!.message).toBe("Too many failed sign-ins for this account. Try again in 30 seconds.");

    // While delayed, that address is refused even the right password, which is not checked.
    const delayed = await from(ip, () => appErrorOf(verifyCredentials({ email: user.email, password })));
    expect(delayed.code).toBe("rate_limited");
    expect(Number(delayed.headers?.["retry-after"])).toBeLessThanOrEqual(30);

    await endDelay(user.email, ip);
    const [sixth] = await failTimes(ip, user.email, 1);
    expect(sixth!.headers?.["retry-after"]).toBe("60");
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(6);
  });

  it("lets the owner sign in from another address while an attacker keeps failing", async () => {
    const { user, password } = await createUser();
    const attacker = newAddress();
    for (let round = 0; round < 3; round++) {
      await failTimes(attacker, user.email, 6);
      await endDelay(user.email, attacker);
    }
    expect((await failTimes(attacker, user.email, 1))[0]!.code).toBe("rate_limited");

    await expect(from(newAddress(), () => signInWithPassword({ email: user.email, password }))).resolves.toMatchObject({
      actor: { userId: user.id },
    });
    // The owner's success does not free the attacker.
    expect((await from(attacker, () => appErrorOf(verifyCredentials({ email: user.email, password })))).code).toBe("rate_limited");
  });

  it("caps the delay at 15 minutes", async () => {
    const { user } = await createUser();
    const ip = newAddress();
    await failTimes(ip, user.email, 1);
    await db().rateLimitBucket.update({ where: { key: `sign-in:failures:${user.email}:${ip}` }, data: { hits: 40 } });
    const [error] = await failTimes(ip, user.email, 1);
    expect(error!.headers?.["retry-after"]).toBe("900");
  });

  it("starts the address's count again after a successful sign-in", async () => {
    const { user, password } = await createUser();
    const ip = newAddress();
    await failTimes(ip, user.email, 4);
    await from(ip, () => signInWithPassword({ email: user.email, password }));
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(0);
    const errors = await failTimes(ip, user.email, 4);
    expect(errors.every((error) => error.code === "unauthorized")).toBe(true);
  });

  it("answers an unknown email with the same delays, so a delay reveals nothing", async () => {
    const { user } = await createUser();
    const ip = newAddress();
    const known = await failTimes(ip, user.email, 6);
    const unknown = await failTimes(ip, uniqueEmail("nobody"), 6);
    const shape = (errors: { code: string; message: string; headers?: Record<string, string> }[]) =>
      errors.map((error) => [error.code, error.message, error.headers?.["retry-after"]]);
    expect(shape(unknown)).toEqual(shape(known));
  });

  it("audits every refusal with its reason, and each failure with the delay it starts", async () => {
    const { user } = await createUser();
    const ip = newAddress();
    await failTimes(ip, user.email, 6);
    const events = await db().auditEvent.findMany({
      where: { action: "auth.sign_in_failed", actorEmail: user.email },
      orderBy: { at: "asc" },
    });
    expect(events.map((event) => (event.after as { reason: string }).reason)).toEqual([...Array(5).fill("wrong_password"), "delayed"]);
    expect(events[4]!.after).toMatchObject({ delayedUntil: expect.any(String) });
    expect(events.every((event) => event.ip === ip)).toBe(true);
  });
});
