import { z } from "zod";
import { authenticated, problems, registry } from "@/lib/openapi/registry";
import { passwordChangeSchema, sessionPublicSchema } from "@/lib/schemas/account";
import { stepUpSchema } from "@/lib/schemas/step-up";
import { apiTokenCreatedSchema, apiTokenCreateSchema, apiTokenPublicSchema } from "@/lib/schemas/api-token";

export const apiToken = registry.register("ApiToken", apiTokenPublicSchema);
const apiTokenCreated = registry.register("ApiTokenCreated", apiTokenCreatedSchema);
const session = registry.register("Session", sessionPublicSchema);
const idPath = (what: string) => z.object({ id: z.uuid().meta({ description: `The ${what}'s id.` }) });
const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

registry.registerPath({
  method: "get",
  path: "/api/v1/users/me/tokens",
  tags: ["Account"],
  summary: "The caller's personal access tokens",
  security: authenticated,
  responses: {
    200: { description: "Tokens not revoked, newest first.", ...json(z.object({ data: z.array(apiToken) })) },
    401: problems[401],
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/users/me/tokens",
  tags: ["Account"],
  summary: "Create a personal access token",
  description:
    "The secret (`umt_…`) is in this answer only. Give `expiresAt` or `expiresInDays`; with API_TOKEN_MAX_DAYS set (365 by default) " +
    "a longer or missing expiry is refused (422). Creating a token is a sensitive action: send the current `password` (or, for an " +
    "account with a second factor, `otp` or `recoveryCode`) unless the session signed in or was confirmed within STEP_UP_MINUTES " +
    "(POST /api/v1/users/me/verify); otherwise 403 with code `reauthentication_required` or `second_factor_required`. " +
    "`organizationId` limits the token to an organization the caller belongs to. A token cannot create one with more rights than itself.",
  security: authenticated,
  request: { body: { content: { "application/json": { schema: apiTokenCreateSchema } } } },
  responses: {
    201: { description: "Created; copy the secret now.", ...json(apiTokenCreated) },
    401: problems[401],
    403: problems[403],
    422: problems[422],
  },
});

registry.registerPath({
  method: "delete",
  path: "/api/v1/users/me/tokens/{id}",
  tags: ["Account"],
  summary: "Revoke one of the caller's personal access tokens",
  security: authenticated,
  request: { params: idPath("token") },
  responses: {
    204: { description: "Revoked; it fails from the next request on." },
    401: problems[401],
    403: problems[403],
    404: problems[404],
  },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/users/me/sessions",
  tags: ["Account"],
  summary: "Where the caller is signed in",
  security: authenticated,
  responses: {
    200: { description: "Live sessions, most recently active first.", ...json(z.object({ data: z.array(session) })) },
    401: problems[401],
  },
});

registry.registerPath({
  method: "delete",
  path: "/api/v1/users/me/sessions/{id}",
  tags: ["Account"],
  summary: "Sign one of the caller's sessions out",
  security: authenticated,
  request: { params: idPath("session") },
  responses: { 204: { description: "Ended." }, 401: problems[401], 403: problems[403], 404: problems[404] },
});

registry.registerPath({
  method: "patch",
  path: "/api/v1/users/me/password",
  tags: ["Account"],
  summary: "Change the caller's password",
  description:
    "Needs the current password. Every other session of the user ends, and every personal access token is revoked unless `revokeTokens` is false.",
  security: authenticated,
  request: { body: { content: { "application/json": { schema: passwordChangeSchema } } } },
  responses: {
    200: { description: "Changed.", ...json(z.object({ endedSessions: z.number().int(), revokedTokens: z.number().int() })) },
    401: problems[401],
    403: problems[403],
    422: problems[422],
    429: problems[429],
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/users/me/verify",
  tags: ["Account"],
  summary: "Confirm who the caller is before a sensitive action (step-up)",
  description:
    "Sensitive actions (changing email or password, creating tokens, removing a second factor, changing anyone's global role, " +
    "purging a user, deleting an organization) need a confirmation within STEP_UP_MINUTES (5 by default). Without one they answer " +
    "403 with code `second_factor_required` (the account has a second factor: send `otp`, `recoveryCode`, or a passkey's " +
    "answer as `passkeyResponse` with the `passkeyChallenge` from POST /api/v1/users/me/verify/passkey-options) or " +
    "`reauthentication_required` (send `password`). Send exactly one proof here and repeat the request; the session stays " +
    "confirmed for STEP_UP_MINUTES. A wrong, expired or reused answer is 422 naming its field, and wrong proofs count on the " +
    "sign-in limits (429). Personal access tokens have no session: they send the proof with the request itself where it takes one.",
  security: authenticated,
  request: { body: { content: { "application/json": { schema: stepUpSchema } } } },
  responses: {
    204: { description: "Confirmed." },
    400: problems[400],
    401: problems[401],
    422: problems[422],
    429: problems[429],
  },
});
