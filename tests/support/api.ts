import { routeEntries, type RouteEntry } from "@/tests/support/entry-points";
import { callRoute, type Credentials, type RouteAnswer } from "@/tests/support/route-call";

let table: Promise<RouteEntry[]> | undefined;

/** The route that answers a path, with its params, as Next.js's router matches it: static segments before dynamic ones. */
async function match(method: string, path: string): Promise<{ entry: RouteEntry; params: Record<string, string> }> {
  const pathname = new URL(path, "http://localhost").pathname;
  const segments = pathname.split("/").filter(Boolean);
  const candidates = (await (table ??= routeEntries())).filter((entry) => entry.method === method);
  const scored = candidates.flatMap((entry) => {
    const pattern = entry.pattern.split("/").filter(Boolean);
    const params: Record<string, string> = {};
    let dynamic = 0;
    for (let index = 0; index < pattern.length; index++) {
      const part = pattern[index]!;
      const catchAll = /^\[\.\.\.(\w+)\]$/.exec(part);
      if (catchAll) {
        params[catchAll[1]!] = segments.slice(index).join("/");
        return segments.length > index ? [{ entry, params, dynamic: dynamic + 100 }] : [];
      }
      const segment = segments[index];
      if (segment === undefined) return [];
      const name = /^\[(\w+)\]$/.exec(part)?.[1];
      if (name) {
        params[name] = decodeURIComponent(segment);
        dynamic++;
      } else if (part !== segment) return [];
    }
    return pattern.length === segments.length ? [{ entry, params, dynamic }] : [];
  });
  const best = scored.sort((a, b) => a.dynamic - b.dynamic)[0];
  if (!best) throw new Error(`No route answers ${method} ${pathname}`);
  return best;
}

/**
 * Loads every route file now. The first call of `api` does it otherwise, and on a busy
 * machine that can take longer than a test may; a file calls this in its `beforeAll`.
 */
export async function loadRoutes(): Promise<void> {
  await (table ??= routeEntries());
}

/** Whether a route handler (not a page) answers this method and path. */
export async function hasRoute(method: string, path: string): Promise<boolean> {
  return match(method, path).then(
    () => true,
    () => false,
  );
}

/**
 * The API, called in-process: the route handler that answers the method and path, run
 * with the credentials and body given, exactly as the production server would run it.
 */
export async function api(
  method: string,
  path: string,
  options: { as?: Credentials; body?: unknown; headers?: Record<string, string> } = {},
): Promise<RouteAnswer> {
  const { entry, params } = await match(method, path);
  return callRoute(entry.handler, { method, path, params, ...options });
}
