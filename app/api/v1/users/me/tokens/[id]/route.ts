import { withApi } from "@/lib/http/with-api";
import { idParam } from "@/lib/http/route-params";
import { revokeApiToken } from "@/lib/services/api-tokens/revoke-api-token";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// DELETE /api/v1/users/me/tokens/:id – revoke one of the caller's personal access tokens
export const DELETE = withApi(
  async ({ actor, params }) => {
    await revokeApiToken({ actor, tokenId: idParam(params, "Token") });
    return new Response(null, { status: 204 });
  },
  { action: "me.tokens.revoke" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = undeclaredMethods;
