import "server-only";
import { db } from "@/lib/db";
import type { Application } from "@/lib/generated/prisma/client";
import { isResourceScope } from "@/lib/auth/scopes";

/** The grants each kind of application may use. */
const grantTypesOf: Record<Application["kind"], string[]> = {
  web: ["authorization_code", "refresh_token"],
  spa: ["authorization_code", "refresh_token"],
  // CLIs on a machine without a browser sign in with the device flow.
  native: ["authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code"],
  machine: ["client_credentials"],
};
const deviceGrantTypes = ["urn:ietf:params:oauth:grant-type:device_code", "refresh_token"];

/**
 * An application's registration as oidc-provider reads a client (its metadata names),
 * with ours beside it: whose it is, whether it skips consent, whether it needs a second
 * factor. A disabled application is no client at all: its sign-ins, refreshes and token
 * requests fail at once. The client secret is a digest; the provider compares presented
 * secrets with it through `clientSecretMatches` (provider.ts), never in the clear.
 */
export function clientMetadataOf(application: Application): Record<string, unknown> {
  const isMachine = application.kind === "machine";
  // A native application registered without redirect URIs is a CLI: the device flow only, no code flow.
  const deviceOnly = application.kind === "native" && application.redirectUris.length === 0;
  return {
    client_id: application.clientId,
    client_name: application.name,
    ...(application.logoUri ? { logo_uri: application.logoUri } : {}),
    application_type: application.kind === "native" ? "native" : "web",
    token_endpoint_auth_method: application.tokenEndpointAuthMethod,
    ...(application.secretHash ? { client_secret: application.secretHash } : {}),
    ...(application.jwks ? { jwks: application.jwks } : {}),
    grant_types: deviceOnly ? deviceGrantTypes : grantTypesOf[application.kind],
    response_types: isMachine || deviceOnly ? [] : ["code"],
    redirect_uris: application.redirectUris,
    post_logout_redirect_uris: application.postLogoutRedirectUris,
    ...(application.backchannelLogoutUri
      ? { backchannel_logout_uri: application.backchannelLogoutUri, backchannel_logout_session_required: true }
      : {}),
    // OpenID scopes are the client's `scope`; the API's (read, write) are granted by the resource server (provider-configuration.ts).
    // At least `openid` (an empty list would allow every scope); a machine application never uses it.
    scope: application.scopes.filter((scope) => !isResourceScope(scope)).join(" ") || "openid",
    "urn:usermanager:api_scopes": application.scopes.filter(isResourceScope),
    "urn:usermanager:organization_id": application.organizationId,
    "urn:usermanager:first_party": application.firstParty,
    "urn:usermanager:require_second_factor": application.requireSecondFactor,
    "urn:usermanager:previous_secret_hash": application.previousSecretHash,
    "urn:usermanager:previous_secret_expires_at": application.previousSecretExpiresAt?.toISOString() ?? null,
  };
}

/** The client an active application's client_id names, or null. */
export async function findClientMetadata(clientId: string): Promise<Record<string, unknown> | null> {
  // One query: an application turned off, or of a deleted organization, is no client.
  const application = await db().application.findFirst({
    where: { clientId, disabledAt: null, OR: [{ organizationId: null }, { organization: { deletedAt: null } }] },
  });
  return application ? clientMetadataOf(application) : null;
}
