import "server-only";
import { config } from "@/lib/config";
import { recurringTask, startOncePerProcess } from "@/lib/recurring-task";
import { deliverBackchannelLogouts } from "@/lib/services/oidc/deliver-backchannel-logouts";
import { rotateSigningKeysIfDue } from "@/lib/services/oidc/signing-keys";
import { sweepOidcRecords } from "@/lib/services/oidc/sweep-oidc-records";

const hourMs = 60 * 60_000;

/** Sends the back-channel logout tokens owed every few seconds; claims keep two instances from sending one twice. */
export function startLogoutDispatcher(): void {
  startOncePerProcess("oidcLogoutDispatcher", () =>
    recurringTask({ does: "send back-channel logouts", intervalMs: 2_000, run: () => deliverBackchannelLogouts() }),
  );
}

/**
 * The identity provider's upkeep, hourly: the scheduled key rotation (every
 * OIDC_KEY_ROTATION_DAYS, decided under a lock so instances rotate once) and the sweep of
 * expired records and retired keys.
 */
export function startOidcUpkeep(): void {
  startOncePerProcess("oidcKeyRotation", () =>
    recurringTask({
      does: "rotate the identity provider's signing keys when due",
      intervalMs: hourMs,
      run: () => rotateSigningKeysIfDue({ days: config().OIDC_KEY_ROTATION_DAYS }),
    }),
  );
  startOncePerProcess("oidcSweep", () =>
    recurringTask({ does: "sweep the identity provider's expired records", intervalMs: hourMs, run: sweepOidcRecords }),
  );
}
