import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { endOwnSession } from "@/lib/services/sessions/end-own-session";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// DELETE /api/v1/users/me/sessions/:id – sign one of the caller's sessions out
export const DELETE = withApi(
  async ({ actor, params }) => {
    await endOwnSession({ actor, sessionId: idParam(params, "Session") });
    return new Response(null, { status: 204 });
  },
  { action: "me.sessions.end" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = undeclaredMethods;
