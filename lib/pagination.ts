import { z } from "zod";
import { AppError } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";

/**
 * A cursor names the last row of a page by its sort value and id (the tie-breaker), so
 * the next page starts right after it however many rows come before. It is opaque to
 * clients: base64url JSON.
 */
export type CursorPosition<Value = string | number | null> = { value: Value; id: string };

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position), "utf8").toString("base64url");
}

/**
 * Reads a cursor back. Clients can send anything, so the whole position is checked (its
 * shape, the id, and the value against the sort column's type) before it reaches a
 * query: a forged cursor is a 422 naming `cursor`, never a database error.
 */
export function decodeCursor<Value>(cursor: string, value: z.ZodType<Value>): CursorPosition<Value> {
  try {
    const parsed = z.strictObject({ value, id: idField }).safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data as CursorPosition<Value>;
  } catch {
    // not JSON: the one error below
  }
  throw new AppError("validation_failed", "The cursor is not valid.", {
    fieldErrors: [{ field: "cursor", message: "Use the nextCursor of a previous answer." }],
  });
}
