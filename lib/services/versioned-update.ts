import "server-only";
import type { Tx } from "@/lib/db";
import { staleVersion } from "@/lib/errors";
import { recordAuditEvent, type AuditEventInput } from "@/lib/services/audit/record-audit-event";

type VersionedUpdate<Public> = {
  /** The write, conditional on the version the caller saw (`where: { id, version }`, `version: { increment: 1 }`). */
  update: () => Promise<{ count: number }>;
  /** The record as it is now, in the shape the caller is answered with. */
  reload: () => Promise<Public>;
  /** The event, with the record as it was (`before`); the reloaded record becomes `after`. */
  event: Omit<AuditEventInput, "after">;
};

/**
 * The one shape of a change guarded by a version (If-Match): the write only counts if
 * the version is still the one the caller saw, so of two concurrent edits one wins and
 * the other is told to reload (412); then the record is read back and the change
 * audited with both sides, in the same transaction.
 */
export async function versionedUpdate<Public>(tx: Tx, { update, reload, event }: VersionedUpdate<Public>): Promise<Public> {
  const { count } = await update();
  if (count === 0) throw staleVersion();
  const after = await reload();
  await recordAuditEvent(tx, { ...event, after });
  return after;
}
