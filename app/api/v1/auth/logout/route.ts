import { withApi } from "@/lib/http/with-api";
import { endCurrentSession } from "@/lib/services/auth/end-current-session";

// POST /api/v1/auth/logout – end the caller's API or browser session
export const POST = withApi(
  async ({ actor }) => {
    await endCurrentSession({ actor });
    return new Response(null, { status: 204 });
  },
  { action: "me.sign-out" },
);
