import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deviceCookieFrom, deviceCookieName, deviceIdFor, issueDeviceCookie } from "@/lib/auth/device-cookie";
import { configOverrides, resetConfigOverrides } from "@/tests/support/config-overrides";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));

afterEach(resetConfigOverrides);

const day = 86_400_000;

/** Changes one character of one dot-separated part, keeping the value well-formed. */
function alter(value: string, part: number): string {
  const parts = value.split(".");
  const text = parts[part]!;
  parts[part] = (text.startsWith("A") ? "B" : "A") + text.slice(1);
  return parts.join(".");
}

describe("device cookies", () => {
  it("name the account they were issued for, by a digest only, with a new device id each time", () => {
    const userId = randomUUID();
    const first = issueDeviceCookie(userId);
    const second = issueDeviceCookie(userId);
    expect(first).not.toContain(userId);
    expect(deviceIdFor(first, userId)).toMatch(/^[\w-]{22}$/);
    expect(deviceIdFor(second, userId)).not.toBe(deviceIdFor(first, userId));
  });

  it("count as none when forged, altered, or issued for another account", () => {
    const userId = randomUUID();
    const genuine = issueDeviceCookie(userId);
    expect(deviceIdFor(issueDeviceCookie(randomUUID()), userId)).toBeNull();
    for (const part of [0, 1, 2, 5]) expect(deviceIdFor(alter(genuine, part), userId), `part ${part}`).toBeNull();
    for (const forged of ["", "device", "a.b.c.v1.key.mac", `${genuine}.extra`, genuine.split(".").slice(0, 3).join(".")]) {
      expect(deviceIdFor(forged, userId), forged).toBeNull();
    }
    expect(deviceIdFor(null, userId)).toBeNull();
  });

  it("count as none once older than their lifetime, or dated in the future", () => {
    const userId = randomUUID();
    const issuedAt = new Date("2026-01-01T00:00:00Z");
    const cookie = issueDeviceCookie(userId, issuedAt);
    expect(deviceIdFor(cookie, userId, new Date(issuedAt.getTime() + 179 * day))).not.toBeNull();
    expect(deviceIdFor(cookie, userId, new Date(issuedAt.getTime() + 180 * day))).toBeNull();
    expect(deviceIdFor(cookie, userId, new Date(issuedAt.getTime() - day))).toBeNull();
  });

  it("are signed with a key of their own: another key's cookie counts as none, a previous key's still counts", () => {
    const userId = randomUUID();
    configOverrides.ENCRYPTION_KEY = "o".repeat(40);
    const underOldKey = issueDeviceCookie(userId);
    configOverrides.ENCRYPTION_KEY = "n".repeat(40);
    expect(deviceIdFor(underOldKey, userId)).toBeNull();
    configOverrides.ENCRYPTION_KEYS_PREVIOUS = "o".repeat(40);
    expect(deviceIdFor(underOldKey, userId)).not.toBeNull();
  });

  it("are read from a Cookie header under their name, which over https carries the __Host- prefix", () => {
    expect(deviceCookieFrom("theme=dark; usermanager.device=abc.def ; other=1")).toBe("abc.def");
    expect(deviceCookieFrom("theme=dark")).toBeNull();
    expect(deviceCookieFrom(null)).toBeNull();
    configOverrides.NODE_ENV = "production";
    configOverrides.APP_URL = "https://users.example.test";
    expect(deviceCookieName()).toBe("__Host-usermanager.device");
    expect(deviceCookieFrom("usermanager.device=planted")).toBeNull();
    expect(deviceCookieFrom("__Host-usermanager.device=abc")).toBe("abc");
  });
});
