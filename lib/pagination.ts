import { AppError } from "@/lib/errors";

/**
 * A cursor names the last row of a page by its sort value and id (the tie-breaker), so
 * the next page starts right after it however many rows come before. It is opaque to
 * clients: base64url JSON.
 */
export type CursorPosition = { value: string | number | null; id: string };

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<CursorPosition>;
    if (typeof parsed.id === "string" && "value" in parsed) return parsed as CursorPosition;
  } catch {
    // fall through to the one error below
  }
  throw new AppError("validation_failed", "The cursor is not valid.", {
    fieldErrors: [{ field: "cursor", message: "Use the nextCursor of a previous answer." }],
  });
}
