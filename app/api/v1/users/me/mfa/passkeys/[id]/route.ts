import { idParam } from "@/lib/http/route-params";
import { withApi } from "@/lib/http/with-api";
import { factorRemovalSchema } from "@/lib/schemas/mfa";
import { removePasskey } from "@/lib/services/passkeys/remove-passkey";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// DELETE /api/v1/users/me/mfa/passkeys/:id – remove one of the caller's passkeys (a confirmed action: a code, or a recent check)
export const DELETE = withApi(
  async ({ actor, params }) => {
    await removePasskey({ actor, passkeyId: idParam(params, "Passkey") });
    return new Response(null, { status: 204 });
  },
  { action: "me.factors.remove", body: factorRemovalSchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = undeclaredMethods;
