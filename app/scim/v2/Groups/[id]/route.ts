import { AppError } from "@/lib/errors";
import { parseSearchRequest } from "@/lib/scim/list-query";
import { listResponse } from "@/lib/scim/list-response";
import { listScimGroups } from "@/lib/services/scim/list-scim-groups";
import { scimResponse, withScim } from "@/lib/http/with-scim";
import { routeParam } from "@/lib/http/route-params";
import { scimGroupInputSchema } from "@/lib/schemas/scim";
import { patchRequestSchema } from "@/lib/scim/patch";
import { ifMatchOf, notModified, resourceResponse } from "@/lib/http/scim-resource-response";
import { deleteScimGroup } from "@/lib/services/scim/delete-scim-group";
import { getScimGroup } from "@/lib/services/scim/get-scim-group";
import { updateScimGroup } from "@/lib/services/scim/update-scim-group";

// GET /scim/v2/Groups/:id – one group and its provisioned members (304 when If-None-Match names its version)
export const GET = withScim(
  async ({ request, caller, params, search }) => {
    const resource = await getScimGroup({ caller, groupId: routeParam(params, "id") });
    return notModified(request, resource) ?? resourceResponse(resource, search);
  },
  { action: "scim.groups.read" },
);

// PUT /scim/v2/Groups/:id – rename the group and set its members (If-Match honoured)
export const PUT = withScim(
  async ({ request, caller, params, body, search }) =>
    resourceResponse(
      await updateScimGroup({
        caller,
        groupId: routeParam(params, "id"),
        change: { input: scimGroupInputSchema.parse(body) },
        expectedVersion: ifMatchOf(request),
      }),
      search,
    ),
  { action: "scim.groups.replace" },
);

// PATCH /scim/v2/Groups/:id – rename, add or remove members as providers send them (If-Match honoured)
export const PATCH = withScim(
  async ({ request, caller, params, body, search }) =>
    resourceResponse(
      await updateScimGroup({
        caller,
        groupId: routeParam(params, "id"),
        change: { patch: patchRequestSchema.parse(body) },
        expectedVersion: ifMatchOf(request),
      }),
      search,
    ),
  { action: "scim.groups.patch" },
);

// DELETE /scim/v2/Groups/:id – delete the group; its members lose what it granted
export const DELETE = withScim(
  async ({ request, caller, params }) => {
    await deleteScimGroup({ caller, groupId: routeParam(params, "id"), expectedVersion: ifMatchOf(request) });
    return new Response(null, { status: 204 });
  },
  { action: "scim.groups.delete" },
);

// POST /scim/v2/Groups/.search – the list, its query sent in a SearchRequest body (RFC 7644 §3.4.3)
export const POST = withScim(
  async ({ caller, params, body }) => {
    if (routeParam(params, "id") !== ".search") {
      throw new AppError("method_not_allowed", "POST is for /Groups/.search; a group is replaced with PUT or changed with PATCH.");
    }
    const query = parseSearchRequest(body);
    return scimResponse(listResponse(query, await listScimGroups({ caller, query })));
  },
  { action: "scim.groups.read" },
);
