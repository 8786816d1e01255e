import "server-only";
import { db, type Tx } from "@/lib/db";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { recordAuditEvent, type AuditEventInput } from "@/lib/services/audit/record-audit-event";

type NewCredential<Row extends { id: string }, Public> = {
  /** Writes the record with the credential's stored form only (a digest, or sealed when signing needs it back). */
  create: (tx: Tx) => Promise<Row>;
  /** What the API shows of it, never the secret: also what the audit event records. */
  toPublic: (row: Row) => Public;
  action: AuditAction;
  actor: AuditEventInput["actor"];
  target: string;
  organizationId?: string | null;
};

/**
 * The one way a credential (a personal access token, a SCIM token, a webhook's signing
 * secret) is stored: its record and the audit event in one transaction, the event
 * holding the public shape only. The caller generated the secret before, outside the
 * transaction, and answers it alongside the public shape this returns, once.
 */
export async function storeCredential<Row extends { id: string }, Public>(credential: NewCredential<Row, Public>): Promise<Public> {
  return db().$transaction(async (tx) => {
    const row = await credential.create(tx);
    const shown = credential.toPublic(row);
    await recordAuditEvent(tx, {
      action: credential.action,
      actor: credential.actor,
      target: { type: credential.target, id: row.id },
      after: shown,
      ...(credential.organizationId !== undefined ? { organizationId: credential.organizationId } : {}),
    });
    return shown;
  });
}
