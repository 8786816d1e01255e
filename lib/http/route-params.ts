import { notFound } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";

/** A record id from the path; anything that is not a UUID cannot name a record, so it is a 404. */
export function idParam(params: Record<string, string | string[] | undefined>, what: string, name = "id"): string {
  const parsed = idField.safeParse(params[name]);
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}
