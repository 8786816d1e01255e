import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Locks every active superadmin row until the transaction ends and returns how many
 * there are. Two concurrent demotions of the last two superadmins then run one after
 * the other, and the second sees that only one is left. Rows are locked in id order
 * so concurrent callers cannot deadlock.
 */
export async function lockActiveSuperadmins(tx: Tx): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM users
    WHERE role = 'superadmin' AND status = 'active' AND deleted_at IS NULL
    ORDER BY id
    FOR UPDATE`;
  return rows.length;
}
