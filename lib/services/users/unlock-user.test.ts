import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/services/auth/verify-credentials";
import { unlockUser } from "@/lib/services/users/unlock-user";
import { appErrorOf } from "@/tests/support/errors";
import { actorFor, createUser } from "@/tests/support/factories";

describe("unlockUser", () => {
  it("lets an admin lift a lockout at once, and audits it", async () => {
    const { user, password } = await createUser();
    for (let i = 0; i < 5; i++) await appErrorOf(verifyCredentials({ email: user.email, password: "wrong" }));
    expect((await appErrorOf(verifyCredentials({ email: user.email, password }))).code).toBe("rate_limited");

    const { user: admin } = await createUser({ role: "admin" });
    await unlockUser({ actor: actorFor(admin), userId: user.id });
    expect(await db().rateLimitBucket.count({ where: { key: `sign-in:account:${user.email}` } })).toBe(0);
    await expect(verifyCredentials({ email: user.email, password })).resolves.toMatchObject({ id: user.id });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "user.unlocked", targetId: user.id } });
    expect(event).toMatchObject({ actorId: admin.id, before: { failedSignIns: 5 } });
  });

  it("is for administrators only", async () => {
    const { user } = await createUser();
    const { user: peer } = await createUser();
    expect((await appErrorOf(unlockUser({ actor: actorFor(peer), userId: user.id }))).code).toBe("not_found");
    const { user: admin } = await createUser({ role: "admin" });
    const missing = await appErrorOf(unlockUser({ actor: actorFor(admin), userId: "00000000-0000-7000-8000-000000000000" }));
    expect(missing.code).toBe("not_found");
  });
});
