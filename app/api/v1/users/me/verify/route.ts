import { withApi } from "@/lib/http/with-api";
import { stepUpSchema } from "@/lib/schemas/step-up";
import { confirmIdentity } from "@/lib/services/auth/require-step-up";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/users/me/verify – confirm the caller again (password, a second-factor code or a passkey) before a sensitive action
export const POST = withApi(
  async ({ actor, body }) => {
    await confirmIdentity({ actor, proof: body });
    return new Response(null, { status: 204 });
  },
  { action: "me.verify", body: stepUpSchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
