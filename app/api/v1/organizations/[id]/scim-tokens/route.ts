import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { scimTokenCreateSchema } from "@/lib/schemas/scim-token";
import { createScimToken } from "@/lib/services/scim-tokens/create-scim-token";
import { findScimTokens } from "@/lib/services/scim-tokens/find-scim-tokens";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/organizations/:id/scim-tokens – the organization's SCIM tokens, never their secrets
export const GET = withApi(
  async ({ actor, params }) => Response.json({ data: await findScimTokens({ actor, organizationId: idParam(params, "Organization") }) }),
  { action: "scim-tokens.read" },
);

// POST /api/v1/organizations/:id/scim-tokens – create a SCIM token; the secret is shown once
export const POST = withApi(
  async ({ actor, params, body }) =>
    Response.json(await createScimToken({ actor, organizationId: idParam(params, "Organization"), data: body }), { status: 201 }),
  { action: "scim-tokens.create", body: scimTokenCreateSchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
