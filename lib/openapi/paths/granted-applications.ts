import { z } from "zod";
import { authenticated, problems, registry } from "@/lib/openapi/registry";
import { grantedApplicationSchema } from "@/lib/schemas/account";

const grantedApplication = registry.register("GrantedApplication", grantedApplicationSchema);
const list = { content: { "application/json": { schema: z.object({ data: z.array(grantedApplication) }) } } };
const userId = z.uuid().meta({ description: "The user's id." });
const clientId = z.string().meta({ description: "The application's client_id." });
const seen = "404 when the caller may not see users or the user does not exist; 403 when it may see but not manage this user.";
const revoked =
  "The grants go with every code and refresh token issued under them; the application's access tokens stop working at once, " +
  "and a third-party application asks for consent again. Audited as `oidc.grant_revoked`. 404 for an application never granted.";

registry.registerPath({
  method: "get",
  path: "/api/v1/users/me/applications",
  tags: ["Account"],
  summary: "The applications the caller granted access",
  description: "Through the identity provider (sign-in with Usermanager): one entry per application, most recently used first.",
  security: authenticated,
  responses: { 200: { description: "Granted applications.", ...list }, 401: problems[401] },
});

registry.registerPath({
  method: "delete",
  path: "/api/v1/users/me/applications/{clientId}",
  tags: ["Account"],
  summary: "Revoke what the caller granted an application",
  description: revoked,
  security: authenticated,
  request: { params: z.object({ clientId }) },
  responses: { 204: { description: "Revoked." }, 401: problems[401], 403: problems[403], 404: problems[404] },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/users/{id}/applications",
  tags: ["Users"],
  summary: "The applications a user granted access",
  description: `Needs \`users:read\`. ${seen}`,
  security: authenticated,
  request: { params: z.object({ id: userId }) },
  responses: { 200: { description: "Granted applications.", ...list }, 401: problems[401], 403: problems[403], 404: problems[404] },
});

registry.registerPath({
  method: "delete",
  path: "/api/v1/users/{id}/applications/{clientId}",
  tags: ["Users"],
  summary: "Revoke what a user granted an application",
  description: `Needs \`users:write\` over the user. ${revoked} ${seen}`,
  security: authenticated,
  request: { params: z.object({ id: userId, clientId }) },
  responses: { 204: { description: "Revoked." }, 401: problems[401], 403: problems[403], 404: problems[404] },
});
