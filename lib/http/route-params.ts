import { notFound } from "@/lib/errors";
import { idField } from "@/lib/schemas/fields";

type Params = Record<string, string | string[] | undefined>;

/** A record id from the path; anything that is not a UUID cannot name a record, so it is a 404. */
export function idParam(params: Params, what: string, name = "id"): string {
  const parsed = idField.safeParse(params[name]);
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}

/** One dynamic segment of the route as text, e.g. an invitation's token; its service validates it. */
export function routeParam(params: Params, name: string): string {
  const value = params[name];
  return typeof value === "string" ? value : "";
}
