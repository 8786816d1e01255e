import "server-only";
import { createHash } from "node:crypto";
import type { AuditEvent } from "@/lib/generated/prisma/client";

/**
 * The audit log is one hash chain, installation-wide: event n's hash is SHA-256 over
 * event n-1's hash and event n's content. One chain (rather than one per organization)
 * means a single walk proves the whole log and no event can be moved between chains;
 * organization logs are views of it. Events take their place in the chain when the
 * sealer (seal-audit-events.ts) reaches them, moments after they commit, so writers
 * never wait on each other for a chain head.
 */

/** The hash before the first event of an installation that never pruned. */
export const genesisHash = "0".repeat(64);

/** The columns a hash covers: all but the chain's own (contentOf fails to compile when one is missing). */
export type ChainedContent = Omit<AuditEvent, "seq" | "hash">;

/** JSON with object keys sorted at every depth, so equal content always hashes the same. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
}

function contentOf(event: ChainedContent): ChainedContent {
  return {
    id: event.id,
    at: event.at,
    action: event.action,
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    actorType: event.actorType,
    targetType: event.targetType,
    targetId: event.targetId,
    organizationId: event.organizationId,
    impersonatorId: event.impersonatorId,
    impersonatorEmail: event.impersonatorEmail,
    ip: event.ip,
    userAgent: event.userAgent,
    requestId: event.requestId,
    before: event.before,
    after: event.after,
  };
}

/**
 * The hash of `event` at the position after the event whose hash is `previousHash`.
 * Empty columns are left out, so a nullable column added later leaves the hashes of
 * events sealed before it unchanged.
 */
export function chainHash(previousHash: string, seq: bigint, event: ChainedContent): string {
  const content = Object.fromEntries(Object.entries(contentOf(event)).filter(([, value]) => value !== null));
  return createHash("sha256")
    .update(`${previousHash}\n${seq}\n${canonicalJson(content)}`)
    .digest("hex");
}

/** What a checkpoint signs: the place and hash of the last event pruned. */
export const checkpointMessage = (seq: bigint, hash: string) => `audit-checkpoint:${seq}:${hash}`;
