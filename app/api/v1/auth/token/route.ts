import { grantTokens, tokenResponse } from "@/lib/http/token-request";
import { withOAuth } from "@/lib/http/with-oauth";

// POST /api/v1/auth/token – exchange a password or a refresh token for tokens (RFC 6749)
export const POST = withOAuth(async ({ form }) => tokenResponse(await grantTokens(form)), { action: "auth.token" });
