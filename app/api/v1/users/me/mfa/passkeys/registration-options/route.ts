import { withApi } from "@/lib/http/with-api";
import { startPasskeyRegistration } from "@/lib/services/passkeys/start-passkey-registration";

// POST /api/v1/users/me/mfa/passkeys/registration-options – start adding a passkey: options for navigator.credentials.create()
export const POST = withApi(async ({ actor }) => Response.json(await startPasskeyRegistration({ actor })), { action: "me.passkeys.start" });
