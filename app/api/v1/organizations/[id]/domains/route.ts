import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { organizationDomainCreateSchema } from "@/lib/schemas/organization-domain";
import { addOrganizationDomain } from "@/lib/services/organization-domains/add-organization-domain";
import { findOrganizationDomains } from "@/lib/services/organization-domains/find-organization-domains";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/organizations/:id/domains – the organization's email domains, verified and pending
export const GET = withApi(
  async ({ actor, params }) =>
    Response.json({ data: await findOrganizationDomains({ actor, organizationId: idParam(params, "Organization") }) }),
  { action: "domains.read" },
);

// POST /api/v1/organizations/:id/domains – claim a domain; the answer names the TXT record that proves it
export const POST = withApi(
  async ({ actor, params, body }) =>
    Response.json(await addOrganizationDomain({ actor, organizationId: idParam(params, "Organization"), data: body }), { status: 201 }),
  { action: "domains.add", body: organizationDomainCreateSchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
