import { withApi } from "@/lib/http/with-api";
import { apiTokenCreateSchema } from "@/lib/schemas/api-token";
import { createApiToken } from "@/lib/services/api-tokens/create-api-token";
import { findApiTokens } from "@/lib/services/api-tokens/find-api-tokens";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/users/me/tokens – the caller's personal access tokens
export const GET = withApi(async ({ actor }) => Response.json({ data: await findApiTokens({ actor }) }), { action: "me.tokens.read" });

// POST /api/v1/users/me/tokens – create a personal access token; the secret is shown once
export const POST = withApi(
  async ({ actor, body }) =>
    Response.json(await createApiToken({ actor, data: body }), { status: 201, headers: { "cache-control": "no-store" } }),
  { action: "me.tokens.create", body: apiTokenCreateSchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
