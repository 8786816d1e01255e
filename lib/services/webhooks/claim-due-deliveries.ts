import "server-only";
import type { Db } from "@/lib/db";

/** How long a dispatcher holds a claimed delivery: far beyond one send's timeout, so only a crashed dispatcher's claim runs out. */
export const claimLeaseSeconds = 120;

export type ClaimedDelivery = { id: string; endpointId: string; payload: string; attemptCount: number };

/**
 * Claims up to `limit` due deliveries of enabled endpoints for this dispatcher. Rows
 * another dispatcher is claiming are skipped (FOR UPDATE SKIP LOCKED), and a claim moves
 * `next_attempt_at` past the lease and counts the attempt, in one committed statement:
 * no other dispatcher sees the row as due until the lease runs out, so two instances
 * never send the same delivery, and a dispatcher that dies mid-send leaves it to be
 * retried after the lease (state lives in the database, so a restart loses nothing).
 */
export async function claimDueDeliveries(client: Db, limit: number): Promise<ClaimedDelivery[]> {
  return client.$queryRaw<ClaimedDelivery[]>`
    UPDATE webhook_deliveries AS d
    SET next_attempt_at = now() + make_interval(secs => ${claimLeaseSeconds}), attempt_count = d.attempt_count + 1
    WHERE d.id IN (
      SELECT due.id FROM webhook_deliveries AS due
      JOIN webhook_endpoints AS e ON e.id = due.endpoint_id
      WHERE due.status = 'pending' AND due.next_attempt_at <= now() AND e.enabled
      ORDER BY due.next_attempt_at
      LIMIT ${limit}
      FOR UPDATE OF due SKIP LOCKED
    )
    RETURNING d.id, d.endpoint_id AS "endpointId", d.payload, d.attempt_count AS "attemptCount"`;
}
