import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { ApplicationPublic, ApplicationUpdate } from "@/lib/schemas/application";
import { assertApplicationShape } from "@/lib/services/applications/application-shape";
import { toApplicationPublic } from "@/lib/services/applications/mappers";
import { getAuthorizedApplication, type ApplicationScope } from "@/lib/services/applications/rules";
import { versionedUpdate } from "@/lib/services/versioned-update";

/**
 * Changes an application's registration. The kind never changes (a public client cannot
 * become confidential without a secret), and the result must still be a valid shape for
 * its kind. Disabling it stops its sign-ins and every token it holds at once: the
 * provider no longer finds the client, and the API checks the application on each call.
 */
export async function updateApplication({
  actor,
  organizationId,
  applicationId,
  data,
  expectedVersion,
}: {
  actor: Actor;
  applicationId: string;
  data: ApplicationUpdate;
  expectedVersion?: number;
} & ApplicationScope): Promise<ApplicationPublic> {
  const before = await getAuthorizedApplication(undefined, actor, { organizationId }, applicationId);
  assertApplicationShape({
    kind: before.kind,
    organizationId,
    redirectUris: data.redirectUris ?? before.redirectUris,
    postLogoutRedirectUris: data.postLogoutRedirectUris ?? before.postLogoutRedirectUris,
    backchannelLogoutUri: data.backchannelLogoutUri === undefined ? before.backchannelLogoutUri : data.backchannelLogoutUri,
    scopes: data.scopes ?? before.scopes,
    firstParty: data.firstParty ?? before.firstParty,
  });
  const disabledAt = data.enabled === undefined ? undefined : data.enabled ? null : (before.disabledAt ?? new Date());
  return db().$transaction((tx) =>
    versionedUpdate(tx, {
      update: () =>
        tx.application.updateMany({
          where: { id: before.id, version: expectedVersion ?? before.version },
          data: {
            name: data.name,
            redirectUris: data.redirectUris,
            postLogoutRedirectUris: data.postLogoutRedirectUris,
            backchannelLogoutUri: data.backchannelLogoutUri,
            logoUri: data.logoUri,
            scopes: data.scopes,
            firstParty: data.firstParty,
            requireSecondFactor: data.requireSecondFactor,
            disabledAt,
            version: { increment: 1 },
          },
        }),
      reload: async () => toApplicationPublic(await tx.application.findUniqueOrThrow({ where: { id: before.id } })),
      event: {
        action: "application.updated",
        actor,
        target: { type: "application", id: before.id },
        before: toApplicationPublic(before),
        organizationId,
      },
    }),
  );
}
