import type { Application } from "@/lib/generated/prisma/client";
import type { ApplicationPublic } from "@/lib/schemas/application";

/** The only way an application leaves the service layer: never with its secret or its digest. */
export function toApplicationPublic(application: Application): ApplicationPublic {
  return {
    id: application.id,
    organizationId: application.organizationId,
    clientId: application.clientId,
    name: application.name,
    kind: application.kind,
    tokenEndpointAuthMethod: application.tokenEndpointAuthMethod,
    redirectUris: application.redirectUris,
    postLogoutRedirectUris: application.postLogoutRedirectUris,
    backchannelLogoutUri: application.backchannelLogoutUri,
    logoUri: application.logoUri,
    scopes: application.scopes,
    firstParty: application.firstParty,
    requireSecondFactor: application.requireSecondFactor,
    enabled: application.disabledAt === null,
    previousSecretExpiresAt: application.previousSecretExpiresAt?.toISOString() ?? null,
    lastUsedAt: application.lastUsedAt?.toISOString() ?? null,
    version: application.version,
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
  };
}
