import { describe, expect, it } from "vitest";
import { redactSecrets } from "@/lib/services/audit/redact";

describe("redactSecrets", () => {
  it("hides secret-looking keys at any depth and keeps the rest", () => {
    const input = {
      email: "a@example.test",
      passwordHash: "$2b$...",
      nested: { refreshToken: "abc", list: [{ clientSecret: "s", name: "n" }] },
      at: new Date("2026-01-01T00:00:00Z"),
    };
    expect(redactSecrets(input)).toEqual({
      email: "a@example.test",
      passwordHash: "[redacted]",
      nested: { refreshToken: "[redacted]", list: [{ clientSecret: "[redacted]", name: "n" }] },
      at: "2026-01-01T00:00:00.000Z",
    });
  });
});
