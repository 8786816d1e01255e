import { routeParam } from "@/lib/http/route-params";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";
import { withApi } from "@/lib/http/with-api";
import { groupCreateSchema } from "@/lib/schemas/group";
import { paginationQuerySchema } from "@/lib/schemas/pagination";
import { createGroup } from "@/lib/services/groups/create-group";
import { listGroups } from "@/lib/services/groups/list-groups";

// GET /api/v1/organizations/:id/groups – the organization's groups, a page at a time
export const GET = withApi(
  async ({ actor, params, query }) => Response.json(await listGroups({ actor, organizationId: routeParam(params, "id"), query })),
  { action: "groups.read", query: paginationQuerySchema },
);

// POST /api/v1/organizations/:id/groups – create a group and the roles it grants
export const POST = withApi(
  async ({ actor, params, body }) =>
    Response.json(await createGroup({ actor, organizationId: routeParam(params, "id"), data: body }), { status: 201 }),
  { action: "groups.create", body: groupCreateSchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
