import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { resetUserFactors } from "@/lib/services/mfa/reset-user-factors";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/users/:id/mfa/reset – remove the user's second factors and recovery codes, and sign them out everywhere
export const POST = withApi(
  async ({ actor, params }) => Response.json(await resetUserFactors({ actor, userId: idParam(params, "User") })),
  { action: "users.factors.reset" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
