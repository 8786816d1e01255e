import { etagOf } from "@/lib/http/etag";
import { withApi } from "@/lib/http/with-api";
import { organizationCreateSchema } from "@/lib/schemas/organization";
import { paginationQuerySchema } from "@/lib/schemas/pagination";
import { createOrganization } from "@/lib/services/organizations/create-organization";
import { listOrganizations } from "@/lib/services/organizations/list-organizations";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/organizations – the caller's organizations (every one for a superadmin)
export const GET = withApi(async ({ actor, query }) => Response.json(await listOrganizations({ actor, query })), {
  action: "organizations.list",
  query: paginationQuerySchema,
});

// POST /api/v1/organizations – create an organization owned by the caller
export const POST = withApi(
  async ({ actor, body }) => {
    const organization = await createOrganization({ actor, data: body });
    return Response.json(organization, {
      status: 201,
      headers: { location: `/api/v1/organizations/${organization.id}`, etag: etagOf(organization.version) },
    });
  },
  { action: "organizations.create", body: organizationCreateSchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
