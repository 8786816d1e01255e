import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { enableUser } from "@/lib/services/users/enable-user";
import { userResponse } from "@/lib/http/user-response";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/users/:id/enable – let a disabled user sign in again
export const POST = withApi(async ({ actor, params }) => userResponse(await enableUser({ actor, userId: idParam(params, "User") })), {
  action: "users.enable",
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
