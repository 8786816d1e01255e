import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Takes the organization's row lock for the rest of the transaction. Every change to
 * memberships takes it first, so two of them never interleave: two owners demoting each
 * other at the same moment run one after the other, and the second finds itself last.
 */
export async function lockOrganization(tx: Tx, organizationId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM organizations WHERE id = ${organizationId}::uuid FOR UPDATE`;
}
