import { routeParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { revokeInvitation } from "@/lib/services/invitations/revoke-invitation";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// DELETE /api/v1/organizations/:id/invitations/:invitationId – revoke an invitation
export const DELETE = withApi(
  async ({ actor, params }) => {
    await revokeInvitation({ actor, organizationId: routeParam(params, "id"), invitationId: routeParam(params, "invitationId") });
    return new Response(null, { status: 204 });
  },
  { action: "invitations.revoke" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = undeclaredMethods;
