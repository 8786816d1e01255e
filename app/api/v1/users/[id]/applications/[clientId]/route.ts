import { idParam, routeParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { revokeApplicationGrant } from "@/lib/services/oidc/revoke-application-grant";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// DELETE /api/v1/users/:id/applications/:clientId – revoke what a user granted an application
export const DELETE = withApi(
  async ({ actor, params }) => {
    await revokeApplicationGrant({ actor, userId: idParam(params, "User"), clientId: routeParam(params, "clientId") });
    return new Response(null, { status: 204 });
  },
  { action: "users.applications.revoke" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = undeclaredMethods;
