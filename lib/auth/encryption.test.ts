import { afterEach, describe, expect, it, vi } from "vitest";

// The module reads the configuration once; each case loads it afresh with its own environment.
async function encryptionWith(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value as string);
  return import("@/lib/auth/encryption");
}

afterEach(() => vi.unstubAllEnvs());

const authSecret = "a".repeat(40);
const oldKey = "o".repeat(40);
const newKey = "n".repeat(40);

describe("secrets at rest", () => {
  it("round-trips, and a value never repeats for the same plaintext", async () => {
    const { encryptSecret, decryptSecret } = await encryptionWith({ AUTH_SECRET: authSecret, ENCRYPTION_KEY: newKey });
    const first = encryptSecret("JBSWY3DPEHPK3PXP");
    expect(first).not.toContain("JBSWY3DPEHPK3PXP");
    expect(encryptSecret("JBSWY3DPEHPK3PXP")).not.toBe(first);
    expect(decryptSecret(first)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses an altered value", async () => {
    const { encryptSecret, decryptSecret, UnreadableSecret } = await encryptionWith({ AUTH_SECRET: authSecret });
    const parts = encryptSecret("secret").split(".");
    parts[4] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(parts.join("."))).toThrow(UnreadableSecret);
  });

  it("reads values sealed with a previous key, and says they need sealing again", async () => {
    const before = await encryptionWith({ AUTH_SECRET: authSecret, ENCRYPTION_KEY: oldKey });
    const sealed = before.encryptSecret("seed");
    const after = await encryptionWith({ AUTH_SECRET: authSecret, ENCRYPTION_KEY: newKey, ENCRYPTION_KEYS_PREVIOUS: oldKey });
    expect(after.decryptSecret(sealed)).toBe("seed");
    expect(after.sealedWithOldKey(sealed)).toBe(true);
    expect(after.sealedWithOldKey(after.encryptSecret("seed"))).toBe(false);
    const forgotten = await encryptionWith({ AUTH_SECRET: authSecret, ENCRYPTION_KEY: newKey, ENCRYPTION_KEYS_PREVIOUS: "" });
    expect(() => forgotten.decryptSecret(sealed)).toThrow(/no configured key/);
  });

  it("falls back to AUTH_SECRET, and still reads those values once ENCRYPTION_KEY is set", async () => {
    const before = await encryptionWith({ AUTH_SECRET: authSecret, ENCRYPTION_KEY: undefined });
    const sealed = before.encryptSecret("seed");
    const after = await encryptionWith({ AUTH_SECRET: authSecret, ENCRYPTION_KEY: newKey });
    expect(after.decryptSecret(sealed)).toBe("seed");
  });
});
