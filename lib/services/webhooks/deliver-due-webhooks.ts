import "server-only";
import { db, type Db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { claimDueDeliveries, type ClaimedDelivery } from "@/lib/services/webhooks/claim-due-deliveries";
import { disableFailingEndpoint } from "@/lib/services/webhooks/disable-failing-endpoint";
import { nextAttemptAfter, retryDelaysMs } from "@/lib/services/webhooks/retry-schedule";
import { sendWebhook, type SendResult } from "@/lib/services/webhooks/send-webhook";
import { signingSecrets } from "@/lib/services/webhooks/signing-secrets";

export type DispatchOptions = {
  /** The database connection pool to claim with; a second pool acts as a second instance. */
  client?: Db;
  /** Deliveries sent per pass, side by side. */
  batchSize?: number;
  /** Waits between attempts; the Standard Webhooks schedule unless a test shortens it. */
  retryDelays?: readonly number[];
};

/** Records an attempt and decides what comes next: done, another try later, or failed for good. */
async function settle(
  client: Db,
  delivery: ClaimedDelivery,
  result: SendResult,
  retryDelays: readonly number[],
): Promise<"failed" | "settled"> {
  const now = new Date();
  const retryAt = result.succeeded ? null : nextAttemptAfter(delivery.attemptCount, now, retryDelays);
  const status = result.succeeded ? "succeeded" : retryAt ? "pending" : "failed";
  await client.$transaction([
    client.webhookAttempt.create({ data: { deliveryId: delivery.id, ...result } }),
    // Only the claim this dispatcher holds: a resend or a later claim since then wins.
    client.webhookDelivery.updateMany({
      where: { id: delivery.id, status: "pending", attemptCount: delivery.attemptCount },
      data: { status, nextAttemptAt: retryAt ?? now, completedAt: status === "pending" ? null : now },
    }),
  ]);
  return status === "failed" ? "failed" : "settled";
}

async function deliverOne(client: Db, delivery: ClaimedDelivery, retryDelays: readonly number[]): Promise<void> {
  const endpoint = await client.webhookEndpoint.findUniqueOrThrow({ where: { id: delivery.endpointId } });
  const result = await sendWebhook({
    url: endpoint.url,
    messageId: `msg_${delivery.id}`,
    payload: delivery.payload,
    secrets: signingSecrets(endpoint),
  });
  logger.info(
    {
      deliveryId: delivery.id,
      endpointId: endpoint.id,
      attempt: delivery.attemptCount,
      status: result.statusCode,
      durationMs: result.durationMs,
    },
    result.succeeded ? "webhook delivered" : "webhook delivery failed",
  );
  if ((await settle(client, delivery, result, retryDelays)) === "failed") {
    const attempts = delivery.attemptCount;
    await disableFailingEndpoint(
      client,
      endpoint.id,
      `a delivery failed ${attempts} attempts over about three days (last: ${result.statusCode ?? result.responseExcerpt}).`,
    );
  }
}

/**
 * One dispatcher pass: claims the deliveries that are due and sends them, after the
 * transactions that queued them have committed. Returns how many were attempted, so a
 * caller can tell an idle pass from a busy one.
 */
export async function deliverDueWebhooks({
  client = db(),
  batchSize = 20,
  retryDelays = retryDelaysMs,
}: DispatchOptions = {}): Promise<number> {
  const claimed = await claimDueDeliveries(client, batchSize);
  await Promise.all(
    claimed.map((delivery) =>
      deliverOne(client, delivery, retryDelays).catch((error: unknown) =>
        // The claim's lease runs out and the delivery is tried again; nothing is lost.
        logger.error({ err: error, deliveryId: delivery.id }, "could not process a webhook delivery"),
      ),
    ),
  );
  return claimed.length;
}
