import { revokeTokenRequest } from "@/lib/http/revoke-request";
import { withOAuth } from "@/lib/http/with-oauth";

// POST /api/v1/auth/revoke – revoke an access, refresh or personal access token (RFC 7009)
export const POST = withOAuth(async ({ form }) => revokeTokenRequest(form), { action: "auth.revoke" });
