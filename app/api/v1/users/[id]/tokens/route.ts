import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { findApiTokens } from "@/lib/services/api-tokens/find-api-tokens";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// GET /api/v1/users/:id/tokens – a user's personal access tokens, for administrators
export const GET = withApi(
  async ({ actor, params }) => Response.json({ data: await findApiTokens({ actor, userId: idParam(params, "User") }) }),
  { action: "users.tokens.read" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
