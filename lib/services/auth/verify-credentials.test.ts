import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runWithRequestContext } from "@/lib/request-context";
import { verifyCredentials } from "@/lib/services/auth/verify-credentials";
import { signInWithPassword } from "@/lib/services/auth/sign-in-with-password";
import { appErrorOf } from "@/tests/support/errors";
import { createUser, uniqueEmail } from "@/tests/support/factories";

// Each test signs in from its own address, so the per-address limit never joins in.
const fromOwnAddress = <T>(fn: () => Promise<T>) =>
  runWithRequestContext({ requestId: "test", ip: `198.51.100.${Math.floor(Math.random() * 250)}-${Math.random()}`, userAgent: null }, fn);

async function failTimes(email: string, times: number) {
  const errors = [];
  for (let i = 0; i < times; i++) errors.push(await appErrorOf(verifyCredentials({ email, password: "wrong password" })));
  return errors;
}

/** Moves a lock into the past, as if its time had run out. */
async function expireLock(userId: string) {
  await db().user.update({ where: { id: userId }, data: { lockedUntil: new Date(Date.now() - 1000) } });
}

describe("verifyCredentials lockout", () => {
  it("locks an account after 5 failures for 30 s, doubling after each further failure", () =>
    fromOwnAddress(async () => {
      const { user, password } = await createUser();
      const errors = await failTimes(user.email, 5);
      expect(errors.slice(0, 4).map((error) => error.code)).toEqual(Array(4).fill("unauthorized"));
      expect(errors[4]!.code).toBe("rate_limited");
      expect(errors[4]!.headers?.["retry-after"]).toBe("30");
      expect(errors[4]!.message).toBe("Too many failed sign-ins for this account. Try again in 30 seconds.");

      // While locked, even the right password is refused, and the password is not checked.
      const locked = await appErrorOf(verifyCredentials({ email: user.email, password }));
      expect(locked.code).toBe("rate_limited");
      expect(Number(locked.headers?.["retry-after"])).toBeLessThanOrEqual(30);

      await expireLock(user.id);
      const [sixth] = await failTimes(user.email, 1);
      expect(sixth!.headers?.["retry-after"]).toBe("60");
      const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
      expect(stored.failedSignIns).toBe(6);
      expect(await db().auditEvent.count({ where: { action: "auth.locked_out", actorId: user.id } })).toBe(2);
    }));

  it("caps the delay at 15 minutes", () =>
    fromOwnAddress(async () => {
      const { user } = await createUser();
      await db().user.update({ where: { id: user.id }, data: { failedSignIns: 40 } });
      const [error] = await failTimes(user.email, 1);
      expect(error!.headers?.["retry-after"]).toBe("900");
    }));

  it("starts counting again after a successful sign-in", () =>
    fromOwnAddress(async () => {
      const { user, password } = await createUser();
      await failTimes(user.email, 4);
      await signInWithPassword({ email: user.email, password });
      expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(0);
      const errors = await failTimes(user.email, 4);
      expect(errors.every((error) => error.code === "unauthorized")).toBe(true);
    }));

  it("answers an unknown email with the same lockout, so a lock reveals nothing", () =>
    fromOwnAddress(async () => {
      const { user } = await createUser();
      const known = await failTimes(user.email, 6);
      const unknown = await failTimes(uniqueEmail("nobody"), 6);
      const shape = (errors: { code: string; message: string; headers?: Record<string, string> }[]) =>
        errors.map((error) => [error.code, error.message, error.headers?.["retry-after"]]);
      expect(shape(unknown)).toEqual(shape(known));
    }));
});
