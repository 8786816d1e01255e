import { AppError } from "@/lib/errors";

/**
 * For `.catch()` on a write guarded by a unique index: a check-then-insert can lose a
 * race, and the index then has the last word; its violation (P2002) means the same
 * conflict the check would have reported.
 */
export function conflictOnUniqueViolation(message: string) {
  return (error: unknown): never => {
    if ((error as { code?: unknown })?.code === "P2002") throw new AppError("conflict", message);
    throw error;
  };
}
