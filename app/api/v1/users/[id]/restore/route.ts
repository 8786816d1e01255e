import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { restoreUser } from "@/lib/services/users/restore-user";
import { userResponse } from "@/lib/http/user-response";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/users/:id/restore – bring back a deleted user within the restore window
export const POST = withApi(async ({ actor, params }) => userResponse(await restoreUser({ actor, userId: idParam(params, "User") })), {
  action: "users.restore",
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
