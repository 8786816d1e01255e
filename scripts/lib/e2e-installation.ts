/**
 * The settings every server of the end-to-end installation shares: the main server
 * (scripts/e2e.ts) and the variant servers (e2e/global-setup.ts) serve one database, as
 * instances of one installation do, and each runs the background work (the webhook
 * dispatcher claims deliveries for every instance), so they must agree on it.
 */
export const e2eInstallationSettings = {
  // The lowest bcrypt cost the configuration accepts, as in the service tests: on a busy
  // machine each cost-12 hash takes seconds, longer than a page assertion waits.
  BCRYPT_COST: "10",
  // Every spec signs in and mails from 127.0.0.1, most as the same admin, and the
  // rate-limit counters live in the shared database; the limits themselves are tested in
  // the service tests, the per-address delay in e2e/auth-api.spec.ts and e2e/client-address.spec.ts.
  RATE_LIMIT_SIGN_IN_PER_IP: "10000",
  RATE_LIMIT_SIGN_IN_PER_ACCOUNT: "10000",
  RATE_LIMIT_IP_PER_HOUR: "10000",
  // e2e/webhooks.spec.ts receives deliveries on 127.0.0.1 over plain http, and any
  // instance's dispatcher may be the one that sends them.
  WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
  LOG_LEVEL: "warn",
};
