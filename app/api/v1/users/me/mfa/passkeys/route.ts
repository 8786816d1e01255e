import { withApi } from "@/lib/http/with-api";
import { passkeyRegistrationSchema } from "@/lib/schemas/passkeys";
import { finishPasskeyRegistration } from "@/lib/services/passkeys/finish-passkey-registration";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/users/me/mfa/passkeys – finish adding a passkey with the browser's answer to the registration options
export const POST = withApi(
  async ({ actor, body }) => Response.json(await finishPasskeyRegistration({ actor, ...body }), { status: 201 }),
  { action: "me.passkeys.register", body: passkeyRegistrationSchema },
);

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
