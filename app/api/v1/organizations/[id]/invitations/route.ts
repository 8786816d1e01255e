import { routeParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { invitationCreateSchema } from "@/lib/schemas/organization";
import { paginationQuerySchema } from "@/lib/schemas/pagination";
import { createInvitation } from "@/lib/services/invitations/create-invitation";
import { listInvitations } from "@/lib/services/invitations/list-invitations";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/organizations/:id/invitations – invitations not yet accepted or revoked
export const GET = withApi(
  async ({ actor, params, query }) => Response.json(await listInvitations({ actor, organizationId: routeParam(params, "id"), query })),
  { action: "invitations.read", query: paginationQuerySchema },
);

// POST /api/v1/organizations/:id/invitations – invite an email address with a role
export const POST = withApi(
  async ({ actor, params, body }) =>
    Response.json(await createInvitation({ actor, organizationId: routeParam(params, "id"), data: body }), { status: 201 }),
  { action: "invitations.create", body: invitationCreateSchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
