import { describe, expect, it } from "vitest";
import { newTotpSecret, totpCode, totpCodeStep, totpStep, totpUri } from "@/lib/auth/totp";

const now = Date.UTC(2026, 11, 2, 12, 0, 15);
const step = 30_000;

describe("TOTP codes", () => {
  it("accepts the current code and one step of drift either way, naming the step", () => {
    const secret = newTotpSecret();
    expect(totpCodeStep(secret, totpCode(secret, now), now)).toBe(totpStep(now));
    expect(totpCodeStep(secret, totpCode(secret, now - step), now)).toBe(totpStep(now) - 1);
    expect(totpCodeStep(secret, totpCode(secret, now + step), now)).toBe(totpStep(now) + 1);
  });

  it("refuses codes two steps away, other secrets' codes and anything not six digits", () => {
    const secret = newTotpSecret();
    expect(totpCodeStep(secret, totpCode(secret, now - 2 * step), now)).toBeNull();
    expect(totpCodeStep(secret, totpCode(secret, now + 2 * step), now)).toBeNull();
    expect(totpCodeStep(secret, totpCode(newTotpSecret(), now), now)).toBeNull();
    for (const code of ["", "12345", "1234567", "12345a", " 123456", "１２３４５６"]) expect(totpCodeStep(secret, code, now)).toBeNull();
  });

  it("makes a 160-bit secret and an otpauth URI apps read", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(secret, "ada@example.com"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Usermanager");
    expect(decodeURIComponent(uri.pathname)).toContain("ada@example.com");
  });
});
