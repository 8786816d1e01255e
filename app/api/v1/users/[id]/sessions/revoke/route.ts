import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { sessionsRevokeSchema } from "@/lib/schemas/user";
import { revokeUserSessions } from "@/lib/services/users/revoke-user-sessions";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/users/:id/sessions/revoke – sign the user out everywhere, optionally removing factors added recently
export const POST = withApi(
  async ({ actor, params, body }) => Response.json(await revokeUserSessions({ actor, userId: idParam(params, "User"), ...body })),
  { action: "users.sessions.revoke", body: sessionsRevokeSchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
