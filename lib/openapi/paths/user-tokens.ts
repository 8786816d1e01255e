import { z } from "zod";
import { apiToken } from "@/lib/openapi/paths/account";
import { authenticated, problems, registry } from "@/lib/openapi/registry";

const userId = z.uuid().meta({ description: "The user's id." });
const seen = "404 when the caller may not see users or the user does not exist; 403 when it may see but not manage this user.";

registry.registerPath({
  method: "get",
  path: "/api/v1/users/{id}/tokens",
  tags: ["Users"],
  summary: "A user's personal access tokens",
  description: `Needs \`users:read\`. Never the secrets. ${seen}`,
  security: authenticated,
  request: { params: z.object({ id: userId }) },
  responses: {
    200: {
      description: "Tokens not revoked, newest first.",
      content: { "application/json": { schema: z.object({ data: z.array(apiToken) }) } },
    },
    401: problems[401],
    403: problems[403],
    404: problems[404],
  },
});

registry.registerPath({
  method: "delete",
  path: "/api/v1/users/{id}/tokens/{tokenId}",
  tags: ["Users"],
  summary: "Revoke one of a user's personal access tokens",
  description: `Needs \`users:write\` over the user; audited as \`api_token.revoked\`. ${seen}`,
  security: authenticated,
  request: { params: z.object({ id: userId, tokenId: z.uuid().meta({ description: "The token's id." }) }) },
  responses: { 204: { description: "Revoked." }, 401: problems[401], 403: problems[403], 404: problems[404] },
});
