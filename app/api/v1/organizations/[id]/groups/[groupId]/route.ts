import { etagOf, versionFromIfMatch } from "@/lib/http/etag";
import { routeParam } from "@/lib/http/route-params";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";
import { withApi } from "@/lib/http/with-api";
import { groupUpdateSchema } from "@/lib/schemas/group";
import { deleteGroup } from "@/lib/services/groups/delete-group";
import { getGroup } from "@/lib/services/groups/list-groups";
import { updateGroup } from "@/lib/services/groups/update-group";

// GET /api/v1/organizations/:id/groups/:groupId – one group, with the roles it grants
export const GET = withApi(
  async ({ actor, params }) => {
    const group = await getGroup({ actor, organizationId: routeParam(params, "id"), groupId: routeParam(params, "groupId") });
    return Response.json(group, { headers: { etag: etagOf(group.version) } });
  },
  { action: "groups.read" },
);

// PATCH /api/v1/organizations/:id/groups/:groupId – rename it or change its roles (If-Match honoured)
export const PATCH = withApi(
  async ({ actor, params, body, request }) => {
    const group = await updateGroup({
      actor,
      organizationId: routeParam(params, "id"),
      groupId: routeParam(params, "groupId"),
      data: body,
      expectedVersion: versionFromIfMatch(request),
    });
    return Response.json(group, { headers: { etag: etagOf(group.version) } });
  },
  { action: "groups.update", body: groupUpdateSchema },
);

// DELETE /api/v1/organizations/:id/groups/:groupId – delete the group (If-Match honoured)
export const DELETE = withApi(
  async ({ actor, params, request }) => {
    await deleteGroup({
      actor,
      organizationId: routeParam(params, "id"),
      groupId: routeParam(params, "groupId"),
      expectedVersion: versionFromIfMatch(request),
    });
    return new Response(null, { status: 204 });
  },
  { action: "groups.delete" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, OPTIONS } = undeclaredMethods;
