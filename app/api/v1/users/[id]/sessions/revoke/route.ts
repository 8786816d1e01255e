import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { revokeUserSessions } from "@/lib/services/users/revoke-user-sessions";

// POST /api/v1/users/:id/sessions/revoke – sign the user out everywhere
export const POST = withApi(async ({ actor, params }) =>
  Response.json(await revokeUserSessions({ actor, userId: idParam(params, "User") })),
);
