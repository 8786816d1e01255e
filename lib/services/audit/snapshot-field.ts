/** A string field of an audit snapshot (`before`/`after`), which is JSON of any shape; null when absent or not a string. */
export function snapshotString(snapshot: unknown, key: string): string | null {
  if (typeof snapshot !== "object" || snapshot === null || !(key in snapshot)) return null;
  const value = (snapshot as Record<string, unknown>)[key];
  return typeof value === "string" ? value : null;
}
