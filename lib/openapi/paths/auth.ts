import { z } from "zod";
import { authenticated, problems, registry } from "@/lib/openapi/registry";
import {
  mfaOtpGrantType,
  mfaRequiredErrorSchema,
  oauthErrorSchema,
  revocationRequestSchema,
  tokenRequestSchema,
  tokenResponseSchema,
} from "@/lib/schemas/oauth";

const oauthError = registry.register("OAuthError", oauthErrorSchema.meta({ description: "An RFC 6749 §5.2 error." }));
const mfaRequired = registry.register(
  "OAuthMfaRequired",
  mfaRequiredErrorSchema.meta({ description: "The password was right; the account's second factor is still needed." }),
);
const form = (schema: z.ZodType) => ({ content: { "application/x-www-form-urlencoded": { schema } } });
const noStore = { "Cache-Control": { description: "Always `no-store`.", schema: { type: "string" as const } } };

registry.registerPath({
  method: "post",
  path: "/api/v1/auth/token",
  tags: ["Authentication"],
  summary: "Get tokens with a password or a refresh token (legacy OAuth 2.0 password grant)",
  deprecated: true,
  description:
    "**Legacy.** The password grant shows the application the person's password; RFC 9700 says not to use it and OAuth 2.1 " +
    "drops it. New applications use the identity provider instead: the authorization code flow with PKCE (S256) at " +
    "`/oidc/auth` and `/oidc/token` (discovery at `/.well-known/openid-configuration`), client credentials for services, the " +
    "device flow for CLIs. It stays for existing clients unless `OAUTH_PASSWORD_GRANT=false`, which refuses `grant_type=password` " +
    `and \`${mfaOtpGrantType}\` with \`unsupported_grant_type\` (refresh tokens it gave before keep working until they lapse).\n\n` +
    "RFC 6749 token endpoint: `grant_type=password` (§4.3; `username` is the email) or `grant_type=refresh_token` (§6). " +
    "For an account with a second factor the password grant answers 403 `mfa_required` with an `mfa_token` (single use, valid " +
    `5 minutes); send it with \`grant_type=${mfaOtpGrantType}\` and either \`otp\` (a code from the authenticator app) or ` +
    "`recovery_code` to get the tokens, for the client and scopes the password was sent with. A wrong code, and an expired, used " +
    "or unknown `mfa_token`, is `invalid_grant`; wrong codes count against the same limits as wrong passwords. " +
    "Access tokens are RFC 9068 JWTs naming an API session; refresh tokens rotate on every use, and presenting a used one " +
    "ends the session. `scope` is space-delimited from `read` and `write` (default: both). No client authentication; " +
    "`client_id` is optional and recorded. Errors use the OAuth JSON form, not problem+json, so OAuth client libraries can read them.",
  request: { body: form(tokenRequestSchema) },
  responses: {
    200: { description: "Tokens issued.", headers: noStore, content: { "application/json": { schema: tokenResponseSchema } } },
    400: {
      description:
        "`invalid_request`, `invalid_grant` (wrong credentials; invalid, used or expired refresh token; wrong code; invalid, used or " +
        "expired `mfa_token`), `unsupported_grant_type` or `invalid_scope`.",
      content: { "application/json": { schema: oauthError } },
    },
    403: {
      description: "`mfa_required`: the password was right and the account has a second factor; send a code with the `mfa_token`.",
      headers: noStore,
      content: { "application/json": { schema: mfaRequired } },
    },
    429: {
      description: "Too many sign-in attempts, or the account is temporarily locked (`temporarily_unavailable`).",
      headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "string" as const } } },
      content: { "application/json": { schema: oauthError } },
    },
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/auth/revoke",
  tags: ["Authentication"],
  summary: "Revoke a token (RFC 7009)",
  description:
    "Revoking an access or refresh token ends its API session, so neither works afterwards; a personal access token is revoked " +
    "itself. Answers 200 for unknown tokens too.",
  request: { body: form(revocationRequestSchema) },
  responses: {
    200: { description: "Revoked, or never valid." },
    400: { description: "`invalid_request`: no token.", content: { "application/json": { schema: oauthError } } },
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/auth/logout",
  tags: ["Authentication"],
  summary: "End the caller's API or browser session",
  description: "Any scope may sign itself out. A personal access token has no session: revoke it instead (400).",
  security: authenticated,
  responses: { 204: { description: "Signed out." }, 400: problems[400], 401: problems[401] },
});
