import "server-only";
import { config } from "@/lib/config";

/**
 * Where to send someone after signing in: only somewhere in this app. The candidate is
 * resolved the way a browser resolves a Location header (which drops tabs and newlines
 * and reads `\` as `/`, so `/\t/evil.example` becomes `//evil.example`), and accepted only
 * when the result has the app's own origin. The answer is that result's path, query and
 * fragment, already encoded, so no header or browser can read it differently.
 */
export function safeRedirectPath(candidate: unknown, fallback = "/admin"): string {
  if (typeof candidate !== "string" || !candidate.startsWith("/")) return fallback;
  const app = new URL(config().APP_URL);
  let target: URL;
  try {
    target = new URL(candidate, app);
  } catch {
    return fallback;
  }
  if (target.origin !== app.origin) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}
