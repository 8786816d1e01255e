import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { disableUser } from "@/lib/services/users/disable-user";
import { userResponse } from "@/lib/http/user-response";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/users/:id/disable – block sign-in and end the user's sessions
export const POST = withApi(async ({ actor, params }) => userResponse(await disableUser({ actor, userId: idParam(params, "User") })), {
  action: "users.disable",
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
