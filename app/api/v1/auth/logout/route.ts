import { withApi } from "@/lib/http/with-api";
import { endCurrentSession } from "@/lib/services/auth/end-current-session";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/auth/logout – end the caller's API or browser session
export const POST = withApi(
  async ({ actor }) => {
    await endCurrentSession({ actor });
    return new Response(null, { status: 204 });
  },
  { action: "me.sign-out" },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
