import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ApplicationCreate, ApplicationWithSecret } from "@/lib/schemas/application";
import { assertApplicationShape, defaultScopes } from "@/lib/services/applications/application-shape";
import { generateClientId, generateClientSecret } from "@/lib/services/applications/client-secret";
import { toApplicationPublic } from "@/lib/services/applications/mappers";
import { authorizeApplicationScope, type ApplicationScope } from "@/lib/services/applications/rules";
import { storeCredential } from "@/lib/services/store-credential";

/**
 * Registers an application, global or for one organization. Web and machine applications
 * are confidential: their secret is in the answer once and only its digest is stored.
 * Browser and native applications are public and rely on PKCE, so they get none.
 */
export async function createApplication({
  actor,
  organizationId,
  data,
}: { actor: Actor; data: ApplicationCreate } & ApplicationScope): Promise<ApplicationWithSecret> {
  await authorizeApplicationScope(undefined, actor, { organizationId });
  const shape = {
    kind: data.kind,
    organizationId,
    redirectUris: data.redirectUris ?? [],
    postLogoutRedirectUris: data.postLogoutRedirectUris ?? [],
    backchannelLogoutUri: data.backchannelLogoutUri ?? null,
    scopes: data.scopes ?? defaultScopes(data.kind),
    firstParty: data.firstParty ?? false,
  };
  assertApplicationShape(shape);
  const confidential = data.kind === "web" || data.kind === "machine";
  const secret = confidential ? generateClientSecret() : null;
  const application = await storeCredential({
    create: (tx) =>
      tx.application.create({
        data: {
          ...shape,
          clientId: generateClientId(),
          name: data.name,
          logoUri: data.logoUri ?? null,
          tokenEndpointAuthMethod: confidential ? "client_secret_basic" : "none",
          secretHash: secret?.digest ?? null,
          requireSecondFactor: data.requireSecondFactor ?? false,
          createdById: actor.userId,
        },
      }),
    toPublic: toApplicationPublic,
    action: "application.created",
    actor,
    target: "application",
    organizationId,
  });
  return { ...application, clientSecret: secret?.secret ?? null };
}
