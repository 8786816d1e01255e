import { etagOf, versionFromIfMatch } from "@/lib/http/etag";
import { routeParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { organizationUpdateSchema } from "@/lib/schemas/organization";
import { deleteOrganization } from "@/lib/services/organizations/delete-organization";
import { getOrganization } from "@/lib/services/organizations/get-organization";
import { updateOrganization } from "@/lib/services/organizations/update-organization";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/organizations/:id – one organization
export const GET = withApi(
  async ({ actor, params }) => {
    const { organization } = await getOrganization({ actor, organizationId: routeParam(params, "id") });
    return Response.json(organization, { headers: { etag: etagOf(organization.version) } });
  },
  { action: "organizations.read" },
);

// PATCH /api/v1/organizations/:id – rename or change the address (If-Match honoured)
export const PATCH = withApi(
  async ({ actor, params, body, request }) => {
    const organization = await updateOrganization({
      actor,
      organizationId: routeParam(params, "id"),
      data: body,
      expectedVersion: versionFromIfMatch(request),
    });
    return Response.json(organization, { headers: { etag: etagOf(organization.version) } });
  },
  { action: "organizations.update", body: organizationUpdateSchema },
);

// DELETE /api/v1/organizations/:id – soft-delete (owners only; If-Match honoured)
export const DELETE = withApi(
  async ({ actor, params, request }) => {
    await deleteOrganization({ actor, organizationId: routeParam(params, "id"), expectedVersion: versionFromIfMatch(request) });
    return new Response(null, { status: 204 });
  },
  { action: "organizations.delete" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, OPTIONS } = undeclaredMethods;
