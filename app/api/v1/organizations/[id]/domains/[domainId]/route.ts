import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { removeOrganizationDomain } from "@/lib/services/organization-domains/remove-organization-domain";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// DELETE /api/v1/organizations/:id/domains/:domainId – remove a domain; the directory can no longer manage accounts there
export const DELETE = withApi(
  async ({ actor, params }) => {
    await removeOrganizationDomain({
      actor,
      organizationId: idParam(params, "Organization"),
      domainId: idParam(params, "Domain", "domainId"),
    });
    return new Response(null, { status: 204 });
  },
  { action: "domains.remove" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = undeclaredMethods;
