import "server-only";
import { logRequest } from "@/lib/http/request-log";
import { setTransportSecurity } from "@/lib/http/security-headers";

type Params = Record<string, string | string[] | undefined>;

/**
 * What every answer of the API and of SCIM gets on the way out, whichever wrapper made
 * it: answers name people and may carry secrets, so no browser or proxy cache may keep
 * them; Strict-Transport-Security where the app is served over https; and one log line
 * by route pattern.
 */
export function finishResponse(response: Response, { request, params, started }: { request: Request; params: Params; started: number }) {
  response.headers.set("cache-control", "no-store");
  setTransportSecurity(response.headers);
  logRequest({ request, params, status: response.status, started });
  return response;
}
