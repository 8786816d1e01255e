import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readSessionSecret } from "@/lib/session/auth-cookies";
import { config } from "@/lib/config";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));

afterEach(resetConfigOverrides);

/** A session cookie as Auth.js issues it: an encrypted JWT, keyed by the secret and salted with the cookie name. */
const issue = (name: string, { secret = config().AUTH_SECRET, maxAge = 3600 } = {}) =>
  encode({ token: { sid: "the-session-secret" }, secret, salt: name, maxAge });

/** Changes the first character of the ciphertext, so the token no longer authenticates. */
function tamper(token: string): string {
  const parts = token.split(".");
  parts[3] = (parts[3]!.startsWith("A") ? "B" : "A") + parts[3]!.slice(1);
  return parts.join(".");
}

describe("readSessionSecret", () => {
  it("reads the session secret from a cookie Auth.js issued", async () => {
    const token = await issue("authjs.session-token");
    await expect(readSessionSecret(`theme=dark; authjs.session-token=${token}`)).resolves.toBe("the-session-secret");
  });

  it("joins a cookie that Auth.js split into chunks", async () => {
    const token = await issue("authjs.session-token");
    const half = Math.ceil(token.length / 2);
    const header = `authjs.session-token.0=${token.slice(0, half)}; authjs.session-token.1=${token.slice(half)}`;
    await expect(readSessionSecret(header)).resolves.toBe("the-session-secret");
  });

  it.each([
    ["no Cookie header", async () => null],
    ["no session cookie", async () => "authjs.csrf-token=abc"],
    ["a forged value", async () => "authjs.session-token=not-a-jwe"],
    ["a tampered token", async () => `authjs.session-token=${tamper(await issue("authjs.session-token"))}`],
    [
      "another secret's token",
      async () => `authjs.session-token=${await issue("authjs.session-token", { secret: "another-secret-another-secret-0123456789" })}`,
    ],
    ["an expired token", async () => `authjs.session-token=${await issue("authjs.session-token", { maxAge: -60 })}`],
    ["a token encrypted for another cookie name", async () => `authjs.session-token=${await issue("authjs.callback-url")}`],
  ])("answers null for %s", async (_case, header) => {
    await expect(readSessionSecret(await header())).resolves.toBeNull();
  });

  it("over https only accepts the __Host- prefixed cookie", async () => {
    configOverrides.NODE_ENV = "production";
    configOverrides.APP_URL = "https://users.example.test";
    const hostToken = await issue("__Host-authjs.session-token");
    await expect(readSessionSecret(`__Host-authjs.session-token=${hostToken}`)).resolves.toBe("the-session-secret");
    const plainToken = await issue("authjs.session-token");
    await expect(readSessionSecret(`authjs.session-token=${plainToken}`)).resolves.toBeNull();
  });
});
