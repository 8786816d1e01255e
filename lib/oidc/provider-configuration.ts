import "server-only";
import { createHash } from "node:crypto";
import type { Configuration, KoaContextWithOIDC } from "oidc-provider";
import { config, isHttpsDeployment } from "@/lib/config";
import { oidcIssuer } from "@/lib/services/oidc/issuer";
import { acrValues } from "@/lib/oidc/acr";
import { clientExtra } from "@/lib/oidc/client-extra";
import { deviceFlowPages, logoutPages, renderProviderError } from "@/lib/oidc/provider-pages";
import { interactionPolicy } from "@/lib/oidc/interaction-policy";
import { findOidcAccount } from "@/lib/services/oidc/find-oidc-account";
import { OidcAdapter } from "@/lib/services/oidc/oidc-adapter";
import { firstPartyGrant } from "@/lib/oidc/first-party-grant";
import { isResourceScope, oidcScopes } from "@/lib/auth/scopes";

/** Where the provider's endpoints are: under /oidc, but for the device page people type in. */
export const oidcRoutes = {
  authorization: "/oidc/auth",
  token: "/oidc/token",
  userinfo: "/oidc/me",
  jwks: "/oidc/jwks",
  introspection: "/oidc/token/introspection",
  revocation: "/oidc/token/revocation",
  end_session: "/oidc/session/end",
  device_authorization: "/oidc/device/auth",
  code_verification: "/device",
  pushed_authorization_request: "/oidc/request",
} as const;

/** The audience of access tokens for this installation's own API (RFC 8707 resource indicator). */
export const apiResource = () => `${oidcIssuer()}/api/v1`;

/** Keys for the provider's signed cookies, derived from AUTH_SECRET so every instance shares them. */
const cookieKeys = () => [createHash("sha256").update(`usermanager oidc cookies v1:${config().AUTH_SECRET}`).digest("base64url")];

const hour = 60 * 60;

/**
 * Which resource a request is for when it names none: the API for a machine client, or
 * for a sign-in that asks for API scopes; otherwise none (the access token then serves
 * the UserInfo endpoint only).
 */
async function defaultResource(ctx: KoaContextWithOIDC, _client: unknown, oneOf?: readonly string[]) {
  if (oneOf) return oneOf;
  const scopes = new Set(String(ctx.oidc.params?.scope ?? "").split(" "));
  if (ctx.oidc.params?.grant_type === "client_credentials" || scopes.has("read") || scopes.has("write")) return apiResource();
  return undefined;
}

/**
 * The only resource server is the API: JWT access tokens (RFC 9068), an hour long, with
 * the API scopes the application's registration allows it.
 */
async function getResourceServerInfo(ctx: KoaContextWithOIDC, resourceIndicator: string, client: unknown) {
  const { errors } = await import("oidc-provider");
  const allowed = clientExtra(client).apiScopes.filter((scope) => isResourceScope(scope));
  if (resourceIndicator !== apiResource() || allowed.length === 0) throw new errors.InvalidTarget();
  // Asking for an API scope the registration lacks is refused, not answered with a token that has fewer.
  const beyond = String(ctx.oidc.params?.scope ?? "")
    .split(" ")
    .find((scope) => isResourceScope(scope) && !allowed.includes(scope));
  if (beyond) throw new errors.InvalidScope("requested scope is not allowed", beyond);
  return {
    scope: allowed.join(" "),
    audience: resourceIndicator,
    accessTokenTTL: hour,
    accessTokenFormat: "jwt" as const,
    jwt: { sign: { alg: "ES256" as const } },
  };
}

/**
 * Claims an API access token carries beyond RFC 9068's: the grant it comes from (so
 * revoking the grant stops it at once), and the organization an organization's
 * application is limited to.
 */
async function extraTokenClaims(_ctx: KoaContextWithOIDC, token: { grantId?: string; client?: unknown }) {
  const { organizationId } = clientExtra(token.client);
  return { ...(token.grantId ? { gid: token.grantId } : {}), ...(organizationId ? { org: organizationId } : {}) };
}

/** The provider's configuration: what it supports, and every place where our own rules come in. */
export function providerConfiguration(jwks: { keys: object[] }): Configuration {
  const secure = isHttpsDeployment(config());
  return {
    adapter: OidcAdapter,
    jwks: jwks as Configuration["jwks"],
    routes: oidcRoutes,
    async findAccount(ctx, sub, token) {
      const client = ctx.oidc?.client ?? (token as { client?: unknown } | undefined)?.client;
      const account = await findOidcAccount({ userId: sub, organizationId: clientExtra(client).organizationId });
      return account ?? undefined;
    },
    claims: {
      // How and when the person signed in travels in every ID token, not only when asked for.
      openid: ["sub", "acr", "amr", "auth_time"],
      profile: ["name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "locale", "zoneinfo", "updated_at"],
      phone: ["phone_number"],
      email: ["email", "email_verified"],
      organizations: ["organizations"],
      attributes: ["attributes", "organization_attributes"],
      sid: null,
    },
    scopes: [...oidcScopes],
    acrValues,
    responseTypes: ["code"],
    // Every client proves its code with PKCE (S256, the only method supported).
    pkce: { required: () => true },
    clientAuthMethods: ["client_secret_basic", "private_key_jwt", "none"],
    enabledJWA: {
      idTokenSigningAlgValues: ["ES256", "RS256"],
      userinfoSigningAlgValues: ["ES256", "RS256"],
      introspectionSigningAlgValues: ["ES256", "RS256"],
      clientAuthSigningAlgValues: ["ES256", "RS256", "PS256"],
      requestObjectSigningAlgValues: ["ES256", "RS256", "PS256"],
    },
    clientDefaults: {
      grant_types: ["authorization_code"],
      response_types: ["code"],
      id_token_signed_response_alg: "RS256",
      token_endpoint_auth_method: "client_secret_basic",
    },
    extraClientMetadata: {
      properties: [
        "urn:usermanager:organization_id",
        "urn:usermanager:first_party",
        "urn:usermanager:require_second_factor",
        "urn:usermanager:previous_secret_hash",
        "urn:usermanager:previous_secret_expires_at",
        "urn:usermanager:api_scopes",
      ],
    },
    features: {
      devInteractions: { enabled: false },
      registration: { enabled: false },
      clientCredentials: { enabled: true },
      // A client may look into its own tokens only: another client's are "inactive" to it.
      introspection: {
        enabled: true,
        allowedPolicy: (async (_ctx: unknown, client: { clientId: string }, token: { clientId?: string }) =>
          token.clientId === client.clientId) as never,
      },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      backchannelLogout: { enabled: true },
      dPoP: { enabled: true },
      deviceFlow: { enabled: true, charset: "base-20", mask: "****-****", ...deviceFlowPages },
      rpInitiatedLogout: { enabled: true, ...logoutPages },
      // A code or refresh token granted for the API gives an API token without naming the resource
      // again; its ID token then carries the profile claims, since that token cannot read userinfo.
      resourceIndicators: { enabled: true, defaultResource, getResourceServerInfo, useGrantedResource: async () => true },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}`, policy: interactionPolicy() },
    // A first-party application needs no consent screen: its grant covers what it asks.
    loadExistingGrant: firstPartyGrant,
    extraTokenClaims: extraTokenClaims as Configuration["extraTokenClaims"],
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed("refresh_token") && code.scopes.has("offline_access"),
    // Every use of a refresh token gives a new one; presenting a used one revokes the whole grant.
    rotateRefreshToken: true,
    ttl: {
      AccessToken: hour,
      ClientCredentials: hour,
      AuthorizationCode: 60,
      IdToken: hour,
      DeviceCode: 10 * 60,
      Interaction: hour,
      Grant: 30 * 24 * hour,
      RefreshToken: 30 * 24 * hour,
      Session: config().SESSION_MAX_AGE_HOURS * hour,
    },
    cookies: {
      keys: cookieKeys(),
      names: { session: "usermanager.oidc-session", interaction: "usermanager.oidc-interaction", resume: "usermanager.oidc-resume" },
      long: { httpOnly: true, sameSite: "lax", secure, signed: true },
      short: { httpOnly: true, sameSite: "lax", secure, signed: true },
    },
    renderError: renderProviderError,
  };
}
