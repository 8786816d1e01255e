import { config, ConfigError } from "@/lib/config";
import { describeFirstSuperadmin, seedFirstSuperadmin } from "@/lib/server/first-superadmin";
import { logger } from "@/lib/logger";
import { startAuditSealer } from "@/lib/services/audit/start-audit-sealer";
import { startLogoutDispatcher, startOidcUpkeep } from "@/lib/services/oidc/start-oidc-tasks";
import { startWebhookDispatcher } from "@/lib/services/webhooks/start-webhook-dispatcher";

/**
 * A bad configuration stops the server at start-up with one message naming every bad
 * variable, rather than failing on the first request with a stack trace.
 */
function stopOnInvalidConfig(): void {
  try {
    config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    exitWith(error);
  }
}

function exitWith(error: ConfigError): never {
  console.error(error.message);
  process.exit(1);
}

/**
 * A new installation gets its first superadmin on first start, so a fresh container
 * can be signed into. A database that is down must not stop the server: readiness
 * reports it, and the next start tries again.
 */
async function createFirstSuperadminIfMissing(): Promise<void> {
  try {
    const admin = await seedFirstSuperadmin();
    if (admin.created) console.log(describeFirstSuperadmin(admin));
  } catch (error) {
    if (error instanceof ConfigError) exitWith(error);
    logger.warn({ err: error }, "could not check for a first superadmin; is the database migrated and reachable?");
  }
}

/** The pruning key in the server's own environment makes its checkpoints prove nothing against whoever takes the server over. */
function warnOfPruneKey(): void {
  if (config().AUDIT_PRUNE_KEY) {
    logger.warn("AUDIT_PRUNE_KEY is set for the server: keep it in the npm run audit:prune job's environment only (docs/security.md)");
  }
}

/**
 * Work after a response (audit, mail, logout deliveries) runs in promises nobody awaits;
 * one that fails must be logged, not end the process and every request in flight with it.
 */
function logUnhandledRejections(): void {
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "a background task failed"));
}

export async function onServerStart(): Promise<void> {
  logUnhandledRejections();
  stopOnInvalidConfig();
  warnOfPruneKey();
  await createFirstSuperadminIfMissing();
  startAuditSealer();
  startWebhookDispatcher();
  startLogoutDispatcher();
  startOidcUpkeep();
}
