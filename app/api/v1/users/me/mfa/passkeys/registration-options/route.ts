import { withApi } from "@/lib/http/with-api";
import { startPasskeyRegistration } from "@/lib/services/passkeys/start-passkey-registration";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/users/me/mfa/passkeys/registration-options – start adding a passkey: options for navigator.credentials.create()
export const POST = withApi(async ({ actor }) => Response.json(await startPasskeyRegistration({ actor })), { action: "me.passkeys.start" });

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
