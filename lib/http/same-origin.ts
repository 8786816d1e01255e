import "server-only";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Route handlers have no CSRF protection of their own, and the session cookie rides
 * along with any cross-site form post. Browsers label every request with
 * Sec-Fetch-Site (and Origin on unsafe methods), so an unsafe request that a browser
 * says came from another site is refused. Clients that are not browsers send neither
 * header and authenticate with bearer tokens, which a forged request cannot carry.
 */
export function requireSameSiteRequest(request: Request): void {
  if (safeMethods.has(request.method)) return;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    throw new AppError("forbidden", "Cross-site requests are not allowed.");
  }
  const origin = request.headers.get("origin");
  // Behind a reverse proxy the request URL may name an internal host, so the public URL counts too.
  const ownOrigins = [new URL(request.url).origin, new URL(config().APP_URL).origin];
  if (origin && !ownOrigins.includes(origin)) {
    throw new AppError("forbidden", "Cross-site requests are not allowed.");
  }
}
