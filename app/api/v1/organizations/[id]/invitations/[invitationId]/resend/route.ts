import { routeParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { resendInvitation } from "@/lib/services/invitations/resend-invitation";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/organizations/:id/invitations/:invitationId/resend – mail a new link
export const POST = withApi(
  async ({ actor, params }) =>
    Response.json(
      await resendInvitation({ actor, organizationId: routeParam(params, "id"), invitationId: routeParam(params, "invitationId") }),
    ),
  { action: "invitations.resend" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
