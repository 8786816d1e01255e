import "server-only";
import { parseScopes } from "@/lib/auth/access-token";
import { apiScopes, type ApiScope } from "@/lib/auth/scopes";
import { config } from "@/lib/config";
import { OAuthError } from "@/lib/http/oauth-error";
import { fieldErrorsOf } from "@/lib/http/problem";
import { mfaOtpGrantType, tokenRequestSchema } from "@/lib/schemas/oauth";
import { issueTokensForPassword, type SecondFactorChallenge } from "@/lib/services/auth/issue-tokens-for-password";
import { issueTokensForSecondFactor } from "@/lib/services/auth/issue-tokens-for-second-factor";
import { refreshTokens } from "@/lib/services/auth/refresh-tokens";
import type { TokenGrant } from "@/lib/services/auth/token-grant";

/** The password grant, and the second-factor step that finishes it; OAUTH_PASSWORD_GRANT=false turns both off. */
const passwordGrants = ["password", mfaOtpGrantType];
const unnamedClient = "unregistered";

/** An absent or empty scope means "everything allowed" (null); an unknown name is `invalid_scope`. */
function requestedScopes(scope: string | undefined): ApiScope[] | null {
  if (!scope?.trim()) return null;
  const scopes = parseScopes(scope);
  if (!scopes) throw new OAuthError("invalid_scope", `Known scopes are: ${apiScopes.join(", ")}.`);
  return scopes;
}

/** Validates a token request (RFC 6749 §4.3.2 and §6, and the mfa-otp grant) and runs its grant. */
export async function grantTokens(form: Record<string, string>): Promise<TokenGrant> {
  if (!form.grant_type) throw new OAuthError("invalid_request", "Send the grant_type.");
  const supported = config().OAUTH_PASSWORD_GRANT ? [...passwordGrants, "refresh_token"] : ["refresh_token"];
  if (!supported.includes(form.grant_type)) {
    const instead = config().OAUTH_PASSWORD_GRANT
      ? ""
      : " Applications sign people in with the authorization code flow and PKCE at /oidc/auth.";
    throw new OAuthError("unsupported_grant_type", `Supported grant types here are ${supported.join(", ")}.${instead}`);
  }
  const parsed = tokenRequestSchema.safeParse(form);
  if (!parsed.success) {
    const details = fieldErrorsOf(parsed.error).map((error) => `${error.field}: ${error.message}`);
    throw new OAuthError("invalid_request", details.join(" "));
  }
  const input = parsed.data;
  if (input.grant_type === mfaOtpGrantType) {
    // The client and scopes are those the password was sent with, remembered by the mfa_token.
    const proof = input.otp !== undefined ? { otp: input.otp } : { recoveryCode: input.recovery_code ?? "" };
    return issueTokensForSecondFactor({ mfaToken: input.mfa_token, proof, clientId: input.client_id || undefined });
  }
  const scopes = requestedScopes(input.scope);
  const clientId = input.client_id || unnamedClient;
  if (input.grant_type === "password") {
    const granted = scopes ?? [...apiScopes];
    const outcome = await issueTokensForPassword({ email: input.username, password: input.password, scopes: granted, clientId });
    if ("mfaToken" in outcome) throw mfaRequired(outcome);
    return outcome;
  }
  return refreshTokens({ refreshToken: input.refresh_token, scopes, clientId });
}

/** The password was right, and the account has a second factor: 403 with the token to send a code with. */
function mfaRequired({ mfaToken }: SecondFactorChallenge): OAuthError {
  const description = `This account has a second factor. Send grant_type=${mfaOtpGrantType} with this mfa_token and otp or recovery_code.`;
  return new OAuthError("mfa_required", description, 403, {}, { mfa_token: mfaToken });
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
