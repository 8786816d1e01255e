import { describe, expect, it } from "vitest";
import { isCommonPassword } from "@/lib/auth/password-policy";
import { passwordField } from "@/lib/schemas/fields";

describe("password policy", () => {
  it("knows the common passwords, whatever their case", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("PassWord")).toBe(true);
    expect(isCommonPassword("iloveyou")).toBe(true);
    expect(isCommonPassword("tangerine-kettle-orbit-47")).toBe(false);
  });

  it.each([
    ["short1", "Use at least 8 characters."],
    ["12345678", "This password is too common; choose one that is harder to guess."],
    ["x".repeat(257), "Use at most 256 characters."],
  ])("rejects %s with a clear message", (password, message) => {
    const result = passwordField.safeParse(password);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it("accepts long passphrases without composition rules", () => {
    expect(passwordField.safeParse("correct horse battery staple").success).toBe(true);
    expect(passwordField.safeParse("ü".repeat(64)).success).toBe(true);
  });
});
