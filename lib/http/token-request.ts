import "server-only";
import { parseScopes } from "@/lib/auth/access-token";
import { apiScopes, type ApiScope } from "@/lib/auth/scopes";
import { OAuthError } from "@/lib/http/oauth-error";
import { fieldErrorsOf } from "@/lib/http/problem";
import { tokenRequestSchema } from "@/lib/schemas/oauth";
import { issueTokensForPassword } from "@/lib/services/auth/issue-tokens-for-password";
import { refreshTokens } from "@/lib/services/auth/refresh-tokens";
import type { TokenGrant } from "@/lib/services/auth/token-grant";

const supportedGrants = new Set(["password", "refresh_token"]);
const unnamedClient = "unregistered";

/** An absent or empty scope means "everything allowed" (null); an unknown name is `invalid_scope`. */
function requestedScopes(scope: string | undefined): ApiScope[] | null {
  if (!scope?.trim()) return null;
  const scopes = parseScopes(scope);
  if (!scopes) throw new OAuthError("invalid_scope", `Known scopes are: ${apiScopes.join(", ")}.`);
  return scopes;
}

/** Validates a token request (RFC 6749 §4.3.2 and §6) and runs its grant. */
export async function grantTokens(form: Record<string, string>): Promise<TokenGrant> {
  if (!form.grant_type) throw new OAuthError("invalid_request", "Send the grant_type.");
  if (!supportedGrants.has(form.grant_type)) {
    throw new OAuthError("unsupported_grant_type", "Supported grant types are password and refresh_token.");
  }
  const parsed = tokenRequestSchema.safeParse(form);
  if (!parsed.success) {
    const details = fieldErrorsOf(parsed.error).map((error) => `${error.field}: ${error.message}`);
    throw new OAuthError("invalid_request", details.join(" "));
  }
  const input = parsed.data;
  const scopes = requestedScopes(input.scope);
  const clientId = input.client_id || unnamedClient;
  if (input.grant_type === "password") {
    return issueTokensForPassword({ email: input.username, password: input.password, scopes: scopes ?? [...apiScopes], clientId });
  }
  return refreshTokens({ refreshToken: input.refresh_token, scopes, clientId });
}

/** RFC 6749 §5.1. */
export function tokenResponse(grant: TokenGrant): Response {
  return Response.json({
    access_token: grant.accessToken,
    token_type: "Bearer",
    expires_in: grant.expiresIn,
    refresh_token: grant.refreshToken,
    scope: grant.scopes.join(" "),
  });
}
