import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { unlockUser } from "@/lib/services/users/unlock-user";
import { userResponse } from "@/lib/http/user-response";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/users/:id/unlock – clear the lockout from failed sign-ins
export const POST = withApi(async ({ actor, params }) => userResponse(await unlockUser({ actor, userId: idParam(params, "User") })), {
  action: "users.unlock",
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
