import type { Config } from "@/lib/config";

/**
 * Settings a test file changes for itself. Use with, at the top of the file:
 *   vi.mock("@/lib/config", async (original) =>
 *     (await import("@/tests/support/config-overrides")).withConfigOverrides(await original()));
 * and assign to `configOverrides` in the test (reset it in afterEach).
 */
export const configOverrides: Partial<Config> = {};

export function withConfigOverrides(actual: typeof import("@/lib/config")) {
  return { ...actual, config: () => ({ ...actual.config(), ...configOverrides }) };
}

/** Forgets every override. (Passed to afterEach as is, so it takes no arguments.) */
export function resetConfigOverrides(): void {
  for (const key of Object.keys(configOverrides)) delete configOverrides[key as keyof Config];
}

/** Forgets every override but the private database's DATABASE_URL (tests/support/private-database.ts). */
export function resetConfigOverridesButDatabase(): void {
  const { DATABASE_URL } = configOverrides;
  resetConfigOverrides();
  if (DATABASE_URL) configOverrides.DATABASE_URL = DATABASE_URL;
}
