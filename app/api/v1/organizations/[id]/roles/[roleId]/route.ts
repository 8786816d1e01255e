import { etagOf, versionFromIfMatch } from "@/lib/http/etag";
import { routeParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { roleUpdateSchema } from "@/lib/schemas/organization";
import { deleteRole } from "@/lib/services/organization-roles/delete-role";
import { updateRole } from "@/lib/services/organization-roles/update-role";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// PATCH /api/v1/organizations/:id/roles/:roleId – change a custom role (If-Match honoured)
export const PATCH = withApi(
  async ({ actor, params, body, request }) => {
    const role = await updateRole({
      actor,
      organizationId: routeParam(params, "id"),
      roleId: routeParam(params, "roleId"),
      data: body,
      expectedVersion: versionFromIfMatch(request),
    });
    return Response.json(role, { headers: { etag: etagOf(role.version) } });
  },
  { action: "roles.update", body: roleUpdateSchema },
);

// DELETE /api/v1/organizations/:id/roles/:roleId – delete an unused custom role
export const DELETE = withApi(
  async ({ actor, params, request }) => {
    await deleteRole({
      actor,
      organizationId: routeParam(params, "id"),
      roleId: routeParam(params, "roleId"),
      expectedVersion: versionFromIfMatch(request),
    });
    return new Response(null, { status: 204 });
  },
  { action: "roles.delete" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, POST, PUT, OPTIONS } = undeclaredMethods;
