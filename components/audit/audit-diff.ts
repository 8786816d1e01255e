export type DiffRow = { path: string; before: string | undefined; after: string | undefined };

/** Flattens nested snapshots to `a.b.c` paths, so a diff lines up field by field. */
function flatten(value: unknown, prefix = "", into = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix || value !== null) {
    into.set(prefix || "value", JSON.stringify(value));
  }
  return into;
}

/** Every field of either snapshot, changed ones first, each with its value before and after. */
export function diffSnapshots(before: unknown, after: unknown): DiffRow[] {
  const [old, next] = [flatten(before ?? null), flatten(after ?? null)];
  const paths = [...new Set([...old.keys(), ...next.keys()])];
  const rows = paths.map((path) => ({ path, before: old.get(path), after: next.get(path) }));
  const changed = (row: DiffRow) => row.before !== row.after;
  return [...rows.filter(changed), ...rows.filter((row) => !changed(row))];
}
