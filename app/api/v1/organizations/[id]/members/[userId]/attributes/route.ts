import { routeParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { memberAttributesUpdateSchema } from "@/lib/schemas/attributes";
import { getMemberAttributes } from "@/lib/services/attributes/get-member-attributes";
import { updateMemberAttributes } from "@/lib/services/attributes/update-member-attributes";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

const member = (params: Record<string, string | string[] | undefined>) => ({
  organizationId: routeParam(params, "id"),
  userId: routeParam(params, "userId"),
});

// GET /api/v1/organizations/:id/members/:userId/attributes – a member's organization attributes, as the caller may see them
export const GET = withApi(async ({ actor, params }) => Response.json(await getMemberAttributes({ actor, ...member(params) })), {
  action: "member-attributes.read",
});

// PATCH /api/v1/organizations/:id/members/:userId/attributes – set some of them; null clears one
export const PATCH = withApi(
  async ({ actor, params, body }) => Response.json(await updateMemberAttributes({ actor, ...member(params), attributes: body.attributes })),
  { action: "member-attributes.update", body: memberAttributesUpdateSchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, DELETE, OPTIONS } = undeclaredMethods;
