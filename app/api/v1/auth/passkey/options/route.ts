import { withApi } from "@/lib/http/with-api";
import { startPasskeySignIn } from "@/lib/services/passkeys/start-passkey-sign-in";

// POST /api/v1/auth/passkey/options – start a passwordless sign-in: a challenge any registered passkey may answer
export const POST = withApi(async () => Response.json(await startPasskeySignIn({ purpose: "oauth" })), { action: "auth.passkey.options" });
