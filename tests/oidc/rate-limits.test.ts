import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { api } from "@/tests/support/api";
import { configOverrides, resetConfigOverridesButDatabase } from "@/tests/support/config-overrides";
import { warmUpProvider } from "@/tests/support/oidc-flow";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));

afterEach(resetConfigOverridesButDatabase);
beforeAll(warmUpProvider);

/** A client address of its own for each test, so one test's requests never count against another's. */
const newAddress = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

/** A form POST from one client address, with a client secret that is wrong: the kind of guess the limit is for. */
const guess = (path: string, address: string) =>
  api("POST", path, {
    body: new URLSearchParams({ grant_type: "client_credentials", token: "guess", client_id: "umc_guess" }).toString(),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from("umc_guess:umcs_guess").toString("base64")}`,
      "x-forwarded-for": address,
    },
  });

describe("the endpoints that take guesses are rate limited per client address", () => {
  // RATE_LIMIT_OAUTH_PER_MINUTE's default for the token and introspection endpoints.
  for (const [path, perMinute] of [
    ["/oidc/token", 120],
    ["/oidc/device/auth", 60],
    ["/oidc/token/introspection", 120],
  ] as const) {
    it(`${path}: ${perMinute} requests a minute, then 429 with Retry-After; another address is not held back`, async () => {
      const address = newAddress();
      for (let request = 0; request < perMinute; request++) {
        const answer = await guess(path, address);
        expect(answer.status).not.toBe(429);
      }
      const limited = await guess(path, address);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      // OAuth clients read errors in RFC 6749's form, so the refusal speaks it.
      expect(limited.body).toMatchObject({ error: "temporarily_unavailable" });

      const elsewhere = await guess(path, newAddress());
      expect(elsewhere.status).toBe(401);
    });
  }

  it("RATE_LIMIT_OAUTH_PER_MINUTE sets the token endpoint's limit", async () => {
    configOverrides.RATE_LIMIT_OAUTH_PER_MINUTE = 3;
    const address = newAddress();
    for (let request = 0; request < 3; request++) expect((await guess("/oidc/token", address)).status).toBe(401);
    expect((await guess("/oidc/token", address)).status).toBe(429);
  });
});
