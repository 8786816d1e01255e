import { z } from "zod";
import { authenticated, problems, registry } from "@/lib/openapi/registry";
import { scimTokenCreatedSchema, scimTokenCreateSchema, scimTokenPublicSchema } from "@/lib/schemas/scim-token";

const scimToken = registry.register("ScimToken", scimTokenPublicSchema);
const organizationId = z.uuid().meta({ description: "The organization's id." });
const needs = "Needs `scim:manage` in the organization (owners only by default). 404 when the caller cannot see the organization.";

registry.registerPath({
  method: "get",
  path: "/api/v1/organizations/{id}/scim-tokens",
  tags: ["SCIM"],
  summary: "The organization's SCIM tokens",
  description: `${needs} Never the secrets.`,
  security: authenticated,
  request: { params: z.object({ id: organizationId }) },
  responses: {
    200: {
      description: "Tokens not revoked, newest first.",
      content: { "application/json": { schema: z.object({ data: z.array(scimToken) }) } },
    },
    401: problems[401],
    403: problems[403],
    404: problems[404],
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/organizations/{id}/scim-tokens",
  tags: ["SCIM"],
  summary: "Create a SCIM token for an identity provider",
  description: `${needs} The secret (\`scim_…\`) is in \`token\`, shown once; the identity provider sends it as \`Authorization: Bearer\` to \`/scim/v2\`. The caller proves itself again (password or code) unless its session did within STEP_UP_MINUTES. Audited as \`scim_token.created\`.`,
  security: authenticated,
  request: { params: z.object({ id: organizationId }), body: { content: { "application/json": { schema: scimTokenCreateSchema } } } },
  responses: {
    201: {
      description: "Created; the only answer that holds the secret.",
      content: { "application/json": { schema: scimTokenCreatedSchema } },
    },
    401: problems[401],
    403: problems[403],
    404: problems[404],
    415: problems[415],
    422: problems[422],
  },
});

registry.registerPath({
  method: "delete",
  path: "/api/v1/organizations/{id}/scim-tokens/{tokenId}",
  tags: ["SCIM"],
  summary: "Revoke a SCIM token",
  description: `${needs} The token's next request is answered 401. Audited as \`scim_token.revoked\`.`,
  security: authenticated,
  request: { params: z.object({ id: organizationId, tokenId: z.uuid().meta({ description: "The SCIM token's id." }) }) },
  responses: { 204: { description: "Revoked." }, 401: problems[401], 403: problems[403], 404: problems[404] },
});
