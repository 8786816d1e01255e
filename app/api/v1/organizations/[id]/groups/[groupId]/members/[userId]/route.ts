import { routeParam } from "@/lib/http/route-params";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";
import { withApi } from "@/lib/http/with-api";
import { removeGroupMember } from "@/lib/services/groups/group-members";

// DELETE /api/v1/organizations/:id/groups/:groupId/members/:userId – take someone out of the group
export const DELETE = withApi(
  async ({ actor, params }) => {
    await removeGroupMember({
      actor,
      organizationId: routeParam(params, "id"),
      groupId: routeParam(params, "groupId"),
      userId: routeParam(params, "userId"),
    });
    return new Response(null, { status: 204 });
  },
  { action: "groups.remove-member" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = undeclaredMethods;
