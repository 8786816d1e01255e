import { tokenResponse } from "@/lib/http/token-request";
import { withApi } from "@/lib/http/with-api";
import { passkeyTokenRequestSchema } from "@/lib/schemas/passkeys";
import { issueTokensForPasskey } from "@/lib/services/passkeys/issue-tokens-for-passkey";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/auth/passkey/verify – finish a passwordless sign-in: the passkey's answer for OAuth tokens
export const POST = withApi(async ({ body }) => tokenResponse(await issueTokensForPasskey(body)), {
  action: "auth.passkey.verify",
  body: passkeyTokenRequestSchema,
});

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
