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

export function resetConfigOverrides(): void {
  for (const key of Object.keys(configOverrides)) delete configOverrides[key as keyof Config];
}
