import { routeParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { acceptInvitation } from "@/lib/services/invitations/accept-invitation";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/invitations/:token/accept – join the organization as the invited user
export const POST = withApi(
  async ({ actor, params }) => Response.json(await acceptInvitation({ actor, token: routeParam(params, "token") })),
  { action: "invitations.accept" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
