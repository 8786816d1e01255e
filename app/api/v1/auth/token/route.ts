import { grantTokens, tokenResponse } from "@/lib/http/token-request";
import { withOAuth } from "@/lib/http/with-oauth";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/auth/token – exchange a password or a refresh token for tokens (RFC 6749)
export const POST = withOAuth(async ({ form }) => tokenResponse(await grantTokens(form)), { action: "auth.token" });

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
