import { z } from "zod";
import { authenticated, problems, registry } from "@/lib/openapi/registry";
import {
  organizationDomainCreateSchema,
  organizationDomainPublicSchema,
  organizationDomainVerifySchema,
} from "@/lib/schemas/organization-domain";

const organizationDomain = registry.register("OrganizationDomain", organizationDomainPublicSchema);
const organizationId = z.uuid().meta({ description: "The organization's id." });
const domainId = z.uuid().meta({ description: "The domain's id." });
const manage = "Needs `domains:manage` in the organization (owners only by default). 404 when the caller cannot see the organization.";
const purpose =
  "An organization's directory (SCIM) may create, link, change and deactivate only accounts whose address is in one of its verified domains.";

registry.registerPath({
  method: "get",
  path: "/api/v1/organizations/{id}/domains",
  tags: ["Organizations"],
  summary: "The organization's email domains",
  description: `${purpose} Needs \`organization:read\`. 404 when the caller cannot see the organization.`,
  security: authenticated,
  request: { params: z.object({ id: organizationId }) },
  responses: {
    200: {
      description: "Every domain, verified and pending, by name.",
      content: { "application/json": { schema: z.object({ data: z.array(organizationDomain) }) } },
    },
    401: problems[401],
    404: problems[404],
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/organizations/{id}/domains",
  tags: ["Organizations"],
  summary: "Claim an email domain",
  description: `${manage} ${purpose} The domain stays \`pending\` until verified: publish the TXT record named in \`record\` (\`_usermanager-challenge.<domain>\`, value \`usermanager-verification=<token>\`), then call \`…/verify\`. 409 when it is already listed, or verified by another organization. At most 50 per organization. Audited as \`domain.added\`.`,
  security: authenticated,
  request: {
    params: z.object({ id: organizationId }),
    body: { content: { "application/json": { schema: organizationDomainCreateSchema } } },
  },
  responses: {
    201: { description: "Claimed, pending.", content: { "application/json": { schema: organizationDomain } } },
    401: problems[401],
    403: problems[403],
    404: problems[404],
    409: problems[409],
    415: problems[415],
    422: problems[422],
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/organizations/{id}/domains/{domainId}/verify",
  tags: ["Organizations"],
  summary: "Verify an email domain",
  description: `${manage} With \`{}\` the server looks the TXT record up in DNS (the servers of DNS_RESOLVER, else the system's): 422 when it is missing or DNS fails, saying which; 429 after 20 checks per organization and hour. With \`{"trust": true}\` a superadmin (\`organizations:manage\`) marks it verified without DNS, for installations that have none; others get 403, and the caller proves itself again (password or code) unless its session did within STEP_UP_MINUTES. 409 when another organization verified it first. Verifying a verified domain changes nothing. Audited as \`domain.verified\`.`,
  security: authenticated,
  request: {
    params: z.object({ id: organizationId, domainId }),
    body: { content: { "application/json": { schema: organizationDomainVerifySchema } } },
  },
  responses: {
    200: { description: "Verified.", content: { "application/json": { schema: organizationDomain } } },
    401: problems[401],
    403: problems[403],
    404: problems[404],
    409: problems[409],
    415: problems[415],
    422: problems[422],
    429: problems[429],
  },
});

registry.registerPath({
  method: "delete",
  path: "/api/v1/organizations/{id}/domains/{domainId}",
  tags: ["Organizations"],
  summary: "Remove an email domain",
  description: `${manage} The directory can no longer create, change or disable accounts there (it can still let their members go), and another organization may verify it. Audited as \`domain.removed\`.`,
  security: authenticated,
  request: { params: z.object({ id: organizationId, domainId }) },
  responses: { 204: { description: "Removed." }, 401: problems[401], 403: problems[403], 404: problems[404] },
});
