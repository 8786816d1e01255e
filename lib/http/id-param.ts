import { notFound } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";

/** A path id; one that cannot be an id names nothing, so it is a 404 rather than a validation error. */
export function idParam(params: Record<string, string | string[] | undefined>, what: string, name = "id"): string {
  const parsed = idField.safeParse(params[name]);
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}
