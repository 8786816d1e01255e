import { withApi } from "@/lib/http/with-api";
import { startPasskeyConfirmation } from "@/lib/services/passkeys/start-passkey-confirmation";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/users/me/verify/passkey-options – start confirming the caller with a passkey: options for navigator.credentials.get()
export const POST = withApi(async ({ actor }) => Response.json(await startPasskeyConfirmation({ actor })), {
  action: "me.verify.passkey-options",
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
