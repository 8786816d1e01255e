/**
 * Servers with settings of their own beside the main e2e server (scripts/e2e.ts), on the
 * same database: one per setting set, started once by the global set-up
 * (e2e/global-setup.ts, which lists each set's settings) and shared by every spec that
 * needs those settings.
 */
export const variants = ["https", "trustedProxy", "localhost", "emailVerificationRequired", "sso"] as const;

export type Variant = (typeof variants)[number];

export const envName = (variant: Variant) => `E2E_VARIANT_${variant.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}_URL`;

/** The address of a variant server, from a test (the global set-up has started it). */
export function variantUrl(variant: Variant): string {
  const url = process.env[envName(variant)];
  if (!url) throw new Error(`No ${variant} server: the e2e global set-up starts it (run the tests with npm run test:e2e).`);
  return url;
}
