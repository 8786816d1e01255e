import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { revokeApiToken } from "@/lib/services/api-tokens/revoke-api-token";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// DELETE /api/v1/users/:id/tokens/:tokenId – revoke one of a user's personal access tokens
export const DELETE = withApi(
  async ({ actor, params }) => {
    await revokeApiToken({ actor, userId: idParam(params, "User"), tokenId: idParam(params, "Token", "tokenId") });
    return new Response(null, { status: 204 });
  },
  { action: "users.tokens.revoke" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = undeclaredMethods;
