import "server-only";
import { OAuthError, oauthErrorResponse } from "@/lib/http/oauth-error";
import { handleRoute } from "@/lib/http/handle-route";
import { authorizeAction } from "@/lib/services/auth/authorize-action";

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
 * The OAuth endpoints' counterpart of withApi: the same request id, logging and headers,
 * and an action of the catalogue, but a form-encoded body and RFC 6749 §5.2 error
 * bodies, because standard OAuth client libraries parse those and not problem+json. The
 * client authenticates inside the handler, as the grant decides how.
 */
export function withOAuth(
  handler: (context: { form: Record<string, string>; request: Request }) => Promise<Response>,
  options: { action: "auth.token" | "auth.revoke" },
) {
  return handleRoute({
    action: options.action,
    answerError: oauthErrorResponse,
    run: async ({ request }) => {
      const form = await readForm(request);
      await authorizeAction(options.action, null, async () => form);
      const response = await handler({ form, request });
      response.headers.set("pragma", "no-cache");
      return response;
    },
  });
}
