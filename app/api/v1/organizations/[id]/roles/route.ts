import { routeParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { roleCreateSchema } from "@/lib/schemas/organization";
import { createRole } from "@/lib/services/organization-roles/create-role";
import { listRoles } from "@/lib/services/organization-roles/list-roles";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/organizations/:id/roles – built-in and custom roles with their permissions
export const GET = withApi(
  async ({ actor, params }) => Response.json(await listRoles({ actor, organizationId: routeParam(params, "id") })),
  { action: "roles.read" },
);

// POST /api/v1/organizations/:id/roles – create a custom role
export const POST = withApi(
  async ({ actor, params, body }) =>
    Response.json(await createRole({ actor, organizationId: routeParam(params, "id"), data: body }), { status: 201 }),
  { action: "roles.create", body: roleCreateSchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
