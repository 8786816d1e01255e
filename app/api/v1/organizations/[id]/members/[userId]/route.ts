import { etagOf, versionFromIfMatch } from "@/lib/http/etag";
import { routeParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { memberUpdateSchema } from "@/lib/schemas/organization";
import { getMember } from "@/lib/services/organizations/get-member";
import { removeMember } from "@/lib/services/organizations/remove-member";
import { updateMember } from "@/lib/services/organizations/update-member";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/organizations/:id/members/:userId – one member with their enterprise attributes, version as ETag
export const GET = withApi(
  async ({ actor, params }) => {
    const member = await getMember({ actor, organizationId: routeParam(params, "id"), userId: routeParam(params, "userId") });
    return Response.json(member, { headers: { etag: etagOf(member.version) } });
  },
  { action: "members.read" },
);

// PATCH /api/v1/organizations/:id/members/:userId – change a member's role or enterprise attributes (If-Match honoured)
export const PATCH = withApi(
  async ({ actor, params, body, request }) => {
    const member = await updateMember({
      actor,
      organizationId: routeParam(params, "id"),
      userId: routeParam(params, "userId"),
      data: body,
      expectedVersion: versionFromIfMatch(request),
    });
    return Response.json(member, { headers: { etag: etagOf(member.version) } });
  },
  { action: "members.update", body: memberUpdateSchema },
);

// DELETE /api/v1/organizations/:id/members/:userId – remove a member, or leave (own id)
export const DELETE = withApi(
  async ({ actor, params, request }) => {
    await removeMember({
      actor,
      organizationId: routeParam(params, "id"),
      userId: routeParam(params, "userId"),
      expectedVersion: versionFromIfMatch(request),
    });
    return new Response(null, { status: 204 });
  },
  { action: "members.remove" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { HEAD, POST, PUT, OPTIONS } = undeclaredMethods;
