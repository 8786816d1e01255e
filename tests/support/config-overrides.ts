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

/** Forgets every override; `keep` names those to leave, such as a private database's DATABASE_URL. */
export function resetConfigOverrides(keep: (keyof Config)[] = []): void {
  for (const key of Object.keys(configOverrides) as (keyof Config)[]) if (!keep.includes(key)) delete configOverrides[key];
}
