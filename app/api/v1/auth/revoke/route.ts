import { revokeTokenRequest } from "@/lib/http/revoke-request";
import { withOAuth } from "@/lib/http/with-oauth";
import { undeclaredMethods } from "@/lib/http/undeclared-methods";

// POST /api/v1/auth/revoke – revoke an access, refresh or personal access token (RFC 7009)
export const POST = withOAuth(async ({ form }) => revokeTokenRequest(form), { action: "auth.revoke" });

// Every other method: the API's 405 naming what this route answers, and OPTIONS listing it.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = undeclaredMethods;
