import { afterEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { apiTokenCreateSchema } from "@/lib/schemas/api-token";
import { createApiToken } from "@/lib/services/api-tokens/create-api-token";
import { appErrorOf } from "@/tests/support/errors";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";
import { createUser, freshSessionActor } from "@/tests/support/factories";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
afterEach(resetConfigOverrides);

const input = (data: Record<string, unknown>) => apiTokenCreateSchema.parse({ name: "CI", scopes: ["read", "write"], ...data });
const day = 86_400_000;

/** A user whose browser session was opened `minutesAgo`, and the password they signed in with. */
async function sessionOpened(minutesAgo: number): Promise<{ actor: Actor; password: string }> {
  const { user, password } = await createUser();
  const actor = await freshSessionActor(user);
  await db().session.update({
    where: { id: actor.sessionId! },
    data: { createdAt: new Date(Date.now() - minutesAgo * 60_000), verifiedAt: new Date(Date.now() - minutesAgo * 60_000) },
  });
  return { actor, password };
}

describe("API_TOKEN_MAX_DAYS", () => {
  it("refuses a missing or longer expiry, naming the field", async () => {
    configOverrides.API_TOKEN_MAX_DAYS = 365;
    const { actor } = await sessionOpened(0);
    const fieldOf = async (data: Record<string, unknown>) =>
      (await appErrorOf(createApiToken({ actor, data: input(data) }))).fieldErrors?.[0]?.field;
    expect(await fieldOf({})).toBe("expiresInDays");
    expect(await fieldOf({ expiresInDays: 366 })).toBe("expiresInDays");
    expect(await fieldOf({ expiresAt: new Date(Date.now() + 400 * day).toISOString() })).toBe("expiresAt");
    const longest = await createApiToken({ actor, data: input({ expiresInDays: 365 }) });
    expect(new Date(longest.expiresAt!).getTime()).toBeLessThanOrEqual(Date.now() + 365 * day);
  });

  it("allows tokens that never expire when set to 0", async () => {
    configOverrides.API_TOKEN_MAX_DAYS = 0;
    const { actor } = await sessionOpened(0);
    expect((await createApiToken({ actor, data: input({}) })).expiresAt).toBeNull();
  });
});
