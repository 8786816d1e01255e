import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { revokeScimToken } from "@/lib/services/scim-tokens/revoke-scim-token";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// DELETE /api/v1/organizations/:id/scim-tokens/:tokenId – revoke a SCIM token
export const DELETE = withApi(
  async ({ actor, params }) => {
    await revokeScimToken({ actor, organizationId: idParam(params, "Organization"), tokenId: idParam(params, "SCIM token", "tokenId") });
    return new Response(null, { status: 204 });
  },
  { action: "scim-tokens.revoke" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = undeclaredMethods;
