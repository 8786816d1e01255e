import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { organizationDomainVerifySchema } from "@/lib/schemas/organization-domain";
import { verifyOrganizationDomain } from "@/lib/services/organization-domains/verify-organization-domain";

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
