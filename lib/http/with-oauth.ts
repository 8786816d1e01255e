import "server-only";
import { OAuthError, oauthErrorResponse } from "@/lib/http/oauth-error";
import { logRequest } from "@/lib/http/request-log";
import { setTransportSecurity } from "@/lib/http/security-headers";
import { requestContextFrom, runWithRequestContext } from "@/lib/request-context";

const maxFormBytes = 16_384;

/** RFC 6749 §3.2: form-encoded, and no parameter more than once. */
async function readForm(request: Request): Promise<Record<string, string>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
    throw new OAuthError("invalid_request", "Send the parameters as application/x-www-form-urlencoded.");
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > maxFormBytes) throw new OAuthError("invalid_request", "The request body is too large.");
  const form = new URLSearchParams(text);
  const values: Record<string, string> = {};
  for (const [name, value] of form) {
    if (name in values) throw new OAuthError("invalid_request", `The parameter ${name} was sent more than once.`);
    values[name] = value;
  }
  return values;
}

/**
 * The OAuth endpoints' counterpart of withApi: the same request id and logging, but a
 * form-encoded body and RFC 6749 §5.2 error bodies, because standard OAuth client
 * libraries parse those and not problem+json. Every answer is `Cache-Control: no-store`.
 */
export function withOAuth(handler: (context: { form: Record<string, string>; request: Request }) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const context = requestContextFrom(request.headers);
    const started = performance.now();
    return runWithRequestContext(context, async () => {
      let response: Response;
      try {
        response = await handler({ form: await readForm(request), request });
        response.headers.set("cache-control", "no-store");
        response.headers.set("pragma", "no-cache");
        response.headers.set("x-request-id", context.requestId);
      } catch (error) {
        response = oauthErrorResponse(error, context.requestId);
      }
      setTransportSecurity(response.headers);
      logRequest({ request, status: response.status, started });
      return response;
    });
  };
}
