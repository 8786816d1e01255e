import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Serializes every change that could take away an active superadmin and returns how many
 * there are. Two concurrent demotions of the last two superadmins then run one after the
 * other, and the second sees that only one is left.
 *
 * The lock is a transaction-scoped advisory lock, not a lock on the superadmins' rows:
 * a row lock (`FOR UPDATE`) conflicts with the key-share locks that every insert naming
 * a user takes (sessions, audit events), and a superadmin signing in while another
 * change queued on their row deadlocked both under load.
 */
export async function lockActiveSuperadmins(tx: Tx): Promise<number> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('usermanager.active-superadmins'))`;
  const [row] = await tx.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM users
    WHERE role = 'superadmin' AND status = 'active' AND deleted_at IS NULL`;
  return row?.count ?? 0;
}
