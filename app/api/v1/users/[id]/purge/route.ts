import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { purgeUser } from "@/lib/services/users/purge-user";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/users/:id/purge – erase a deleted user's personal data for good
export const POST = withApi(async ({ actor, params }) => Response.json(await purgeUser({ actor, userId: idParam(params, "User") })), {
  action: "users.purge",
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
