import { etagOf } from "@/lib/http/etag";
import { routeParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { memberAddSchema } from "@/lib/schemas/organization";
import { paginationQuerySchema } from "@/lib/schemas/pagination";
import { addMember } from "@/lib/services/organizations/add-member";
import { listMembers } from "@/lib/services/organizations/list-members";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/organizations/:id/members – the members and their roles
export const GET = withApi(
  async ({ actor, params, query }) => Response.json(await listMembers({ actor, organizationId: routeParam(params, "id"), query })),
  { action: "members.read", query: paginationQuerySchema },
);

// POST /api/v1/organizations/:id/members – invite by email; global administrators add an account at once
export const POST = withApi(
  async ({ actor, params, body }) => {
    const result = await addMember({ actor, organizationId: routeParam(params, "id"), data: body });
    if (result.outcome === "invited") return Response.json(result.invitation, { status: 202 });
    return Response.json(result.member, { status: 201, headers: { etag: etagOf(result.member.version) } });
  },
  { action: "members.add", body: memberAddSchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
