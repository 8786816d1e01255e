import { withApi } from "@/lib/http/with-api";
import { startPasskeySignIn } from "@/lib/services/passkeys/start-passkey-sign-in";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/auth/passkey/options – start a passwordless sign-in: a challenge any registered passkey may answer
export const POST = withApi(async () => Response.json(await startPasskeySignIn({ purpose: "oauth" })), { action: "auth.passkey.options" });

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
