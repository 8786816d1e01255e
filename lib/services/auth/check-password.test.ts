import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { importedBcryptHash } from "@/lib/auth/password";
import { prehashPassword } from "@/lib/auth/password-prehash";
import { db } from "@/lib/db";
import { runWithRequestContext } from "@/lib/request-context";
import { changeOwnPassword } from "@/lib/services/auth/change-own-password";
import { requestEmailChange } from "@/lib/services/auth/request-email-change";
import { verifyCredentials } from "@/lib/services/auth/verify-credentials";
import { appErrorOf } from "@/tests/support/errors";
import { actorFor, createUser, uniqueEmail } from "@/tests/support/factories";

const from = <T>(ip: string, fn: () => Promise<T>) => runWithRequestContext({ requestId: "test", ip, userAgent: null }, fn);
const newAddress = () => `ip-${crypto.randomUUID()}`;
const randomHex = () => Math.floor(Math.random() * 0x10000).toString(16);

describe("every password check shares the sign-in limits", () => {
  it("delays guessing through an email change, as a session thief would try", async () => {
    const { user, password } = await createUser();
    const thief = newAddress();
    const codes = [];
    for (let i = 0; i < 5; i++) {
      const guess = requestEmailChange({ actor: actorFor(user), newEmail: uniqueEmail(), password: `guess ${i}` });
      codes.push((await from(thief, () => appErrorOf(guess))).code);
    }
    expect(codes).toEqual([...Array(4).fill("validation_failed"), "rate_limited"]);
    const right = requestEmailChange({ actor: actorFor(user), newEmail: uniqueEmail(), password });
    expect((await from(thief, () => appErrorOf(right))).code).toBe("rate_limited");
    const events = await db().auditEvent.count({ where: { action: "auth.password_confirmation_failed", actorId: user.id } });
    expect(events).toBe(6);
  });

  it("counts a password change's wrong current password against the same address and account", async () => {
    const { user, password } = await createUser();
    const ip = newAddress();
    // Wrong passwords typed at sign-in and at a password change add up.
    for (let i = 0; i < 3; i++) await from(ip, () => appErrorOf(verifyCredentials({ email: user.email, password: "wrong" })));
    const data = { currentPassword: "still wrong", newPassword: "a new passphrase for this test" };
    expect((await from(ip, () => appErrorOf(changeOwnPassword({ actor: actorFor(user), data })))).code).toBe("validation_failed");
    expect((await from(ip, () => appErrorOf(changeOwnPassword({ actor: actorFor(user), data })))).code).toBe("rate_limited");
    // The owner elsewhere is not held back.
    const owner = { currentPassword: password, newPassword: "a new passphrase for this test" };
    await expect(from(newAddress(), () => changeOwnPassword({ actor: actorFor(user), data: owner }))).resolves.toBeDefined();
  });

  it("delays a whole IPv6 /64 after wrong passwords from many of its addresses, and no other network", async () => {
    const { user, password } = await createUser();
    // A host picks the lower 64 bits of its address itself: each guess from a new one.
    const network = `2001:db8:${randomHex()}:${randomHex()}`;
    const codes = [];
    for (let i = 1; i <= 5; i++) {
      codes.push((await from(`${network}::${i}`, () => appErrorOf(verifyCredentials({ email: user.email, password: "wrong" })))).code);
    }
    expect(codes).toEqual([...Array(4).fill("unauthorized"), "rate_limited"]);
    const sameNetwork = await from(`${network}:dead:beef:0:6`, () => appErrorOf(verifyCredentials({ email: user.email, password })));
    expect(sameNetwork.code).toBe("rate_limited");
    const otherNetwork = `2001:db8:${randomHex()}:${randomHex()}::1`;
    await expect(from(otherNetwork, () => verifyCredentials({ email: user.email, password }))).resolves.toMatchObject({ id: user.id });
  });

  it("is the only service code that compares passwords", () => {
    const servicesDir = path.resolve("lib/services");
    const callers = readdirSync(servicesDir, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
      .filter((file) => /\bverifyPassword\(/.test(readFileSync(path.join(servicesDir, file), "utf8")));
    expect(callers).toEqual([path.join("auth", "check-password.ts")]);
  });
});

describe("hashes of an older scheme", () => {
  const storedHash = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id } })).passwordHash!;

  it("moves an imported low-cost bcrypt hash onto the prehash and BCRYPT_COST at sign-in", async () => {
    const password = "imported long passphrase ".repeat(4); // over bcrypt's 72 bytes
    const { user } = await createUser();
    await db().user.update({ where: { id: user.id }, data: { passwordHash: importedBcryptHash(await bcrypt.hash(password, 4)) } });

    await from(newAddress(), () => verifyCredentials({ email: user.email, password }));
    const rehashed = await storedHash(user.id);
    expect(rehashed.startsWith("bcrypt:")).toBe(false);
    expect(bcrypt.getRounds(rehashed)).toBe(10);
    // The whole passphrase counts now: its first 72 bytes alone no longer sign in.
    const cut = Buffer.from(password).subarray(0, 72).toString();
    expect((await from(newAddress(), () => appErrorOf(verifyCredentials({ email: user.email, password: cut })))).code).toBe("unauthorized");
    await expect(from(newAddress(), () => verifyCredentials({ email: user.email, password }))).resolves.toMatchObject({ id: user.id });
  });

  it("rehashes our own scheme when BCRYPT_COST changed, and leaves a current hash alone", async () => {
    const { user, password } = await createUser();
    const current = await storedHash(user.id);
    await from(newAddress(), () => verifyCredentials({ email: user.email, password }));
    expect(await storedHash(user.id)).toBe(current);

    await db().user.update({ where: { id: user.id }, data: { passwordHash: await bcrypt.hash(prehashPassword(password), 11) } });
    await from(newAddress(), () => verifyCredentials({ email: user.email, password }));
    expect(bcrypt.getRounds(await storedHash(user.id))).toBe(10);
  });

  it("does not rehash on a wrong password", async () => {
    const { user } = await createUser();
    const imported = importedBcryptHash(await bcrypt.hash("the old one", 4));
    await db().user.update({ where: { id: user.id }, data: { passwordHash: imported } });
    await from(newAddress(), () => appErrorOf(verifyCredentials({ email: user.email, password: "not it" })));
    expect(await storedHash(user.id)).toBe(imported);
  });
});
