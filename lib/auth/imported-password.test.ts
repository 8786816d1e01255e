import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { importedBcryptHash, verifyPassword } from "@/lib/auth/password";

describe("imported bcrypt hashes", () => {
  it("verify against the raw password, not our prehash", async () => {
    const foreign = await bcrypt.hash("from the old system", 10);
    const stored = importedBcryptHash(foreign);
    expect(stored.startsWith("bcrypt:$2")).toBe(true);
    expect(await verifyPassword("from the old system", stored)).toBe(true);
    expect(await verifyPassword("something else", stored)).toBe(false);
    // Unmarked, the same hash is read as ours and does not match.
    expect(await verifyPassword("from the old system", foreign)).toBe(false);
  });
});
