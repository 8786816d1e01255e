import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { organizationDomainVerifySchema } from "@/lib/schemas/organization-domain";
import { verifyOrganizationDomain } from "@/lib/services/organization-domains/verify-organization-domain";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/organizations/:id/domains/:domainId/verify – check the TXT record, or ({"trust": true}, superadmins) vouch without DNS
export const POST = withApi(
  async ({ actor, params, body }) =>
    Response.json(
      await verifyOrganizationDomain({
        actor,
        organizationId: idParam(params, "Organization"),
        domainId: idParam(params, "Domain", "domainId"),
        data: body ?? {},
      }),
    ),
  { action: "domains.verify", body: organizationDomainVerifySchema.optional() },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
