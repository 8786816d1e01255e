import { idParam } from "@/lib/http/id-param";
import { withApi } from "@/lib/http/with-api";
import { factorRemovalProofSchema } from "@/lib/schemas/passkeys";
import { removePasskey } from "@/lib/services/passkeys/remove-passkey";

// DELETE /api/v1/users/me/mfa/passkeys/:id – remove one of the caller's passkeys (the last factor needs the password or a code)
export const DELETE = withApi(
  async ({ actor, params, body }) => {
    await removePasskey({ actor, passkeyId: idParam(params, "Passkey"), proof: body });
    return new Response(null, { status: 204 });
  },
  { body: factorRemovalProofSchema },
);
