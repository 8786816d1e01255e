import { withApi } from "@/lib/http/with-api";
import { startPasskeyConfirmation } from "@/lib/services/passkeys/start-passkey-confirmation";

// POST /api/v1/users/me/verify/passkey-options – start confirming the caller with a passkey: options for navigator.credentials.get()
export const POST = withApi(async ({ actor }) => Response.json(await startPasskeyConfirmation({ actor })), {
  action: "me.verify.passkey-options",
});
