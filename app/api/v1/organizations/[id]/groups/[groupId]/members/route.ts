import { routeParam } from "@/lib/http/route-params";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";
import { withApi } from "@/lib/http/with-api";
import { groupMemberAddSchema } from "@/lib/schemas/group";
import { paginationQuerySchema } from "@/lib/schemas/pagination";
import { addGroupMember, listGroupMembers } from "@/lib/services/groups/group-members";

// GET /api/v1/organizations/:id/groups/:groupId/members – who is in the group
export const GET = withApi(
  async ({ actor, params, query }) =>
    Response.json(
      await listGroupMembers({ actor, organizationId: routeParam(params, "id"), groupId: routeParam(params, "groupId"), query }),
    ),
  { action: "groups.read", query: paginationQuerySchema },
);

// POST /api/v1/organizations/:id/groups/:groupId/members – put a member in the group, by user id or email
export const POST = withApi(
  async ({ actor, params, body }) =>
    Response.json(
      await addGroupMember({ actor, organizationId: routeParam(params, "id"), groupId: routeParam(params, "groupId"), data: body }),
      { status: 201 },
    ),
  { action: "groups.add-member", body: groupMemberAddSchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
