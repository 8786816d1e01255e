import { afterEach, describe, expect, it, vi } from "vitest";
import { encryptSecret, sealedWithOldKey } from "@/lib/auth/encryption";
import { db } from "@/lib/db";
import { resealTotpSecrets } from "@/lib/services/mfa/reseal-totp-secrets";
import { configOverrides } from "@/tests/support/config-overrides";
import { createUser } from "@/tests/support/factories";
import { withPrivateDatabase } from "@/tests/support/private-database";

vi.mock("@/lib/config", async (original) => (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
// Resealing touches every secret in the database: other files' secrets must not move to this file's key.
withPrivateDatabase();
afterEach(() => {
  delete configOverrides.ENCRYPTION_KEY;
  delete configOverrides.ENCRYPTION_KEYS_PREVIOUS;
});

describe("rotating ENCRYPTION_KEY", () => {
  it("seals every secret with the new key, keeping what it says", async () => {
    const oldKey = "o".repeat(40);
    configOverrides.ENCRYPTION_KEY = oldKey;
    const { user } = await createUser();
    const factor = await db().mfaFactor.create({
      data: {
        userId: user.id,
        kind: "totp",
        name: "Authenticator app",
        totpSecret: encryptSecret("JBSWY3DPEHPK3PXP"),
        confirmedAt: new Date(),
      },
    });

    configOverrides.ENCRYPTION_KEY = "n".repeat(40);
    configOverrides.ENCRYPTION_KEYS_PREVIOUS = oldKey;
    expect(sealedWithOldKey(factor.totpSecret!)).toBe(true);
    const result = await resealTotpSecrets();
    expect(result.resealed).toBeGreaterThanOrEqual(1);
    const after = await db().mfaFactor.findUniqueOrThrow({ where: { id: factor.id } });
    expect(sealedWithOldKey(after.totpSecret!)).toBe(false);
    const { decryptSecret } = await import("@/lib/auth/encryption");
    delete configOverrides.ENCRYPTION_KEYS_PREVIOUS;
    expect(decryptSecret(after.totpSecret!)).toBe("JBSWY3DPEHPK3PXP");
  });
});
