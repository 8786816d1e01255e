import { describe, expect, it } from "vitest";
import { hasSessionCookie } from "@/lib/session/session-cookie";

describe("hasSessionCookie", () => {
  it.each([
    ["authjs.session-token=abc", true],
    ["theme=dark; __Secure-authjs.session-token=abc", true],
    ["__Host-authjs.session-token.0=abc; __Host-authjs.session-token.1=def", true],
    ["authjs.csrf-token=abc; theme=dark", false],
    ["xauthjs.session-token=abc", false],
    ["", false],
  ])("%s → %s", (header, expected) => {
    expect(hasSessionCookie(header)).toBe(expected);
  });

  it("answers false without a Cookie header", () => {
    expect(hasSessionCookie(null)).toBe(false);
  });
});
