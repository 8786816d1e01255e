import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Application } from "@/lib/generated/prisma/client";
import { idField } from "@/lib/schemas/fields";
import { authorizeOrganization } from "@/lib/services/organizations/authorize-organization";

/** Where an application belongs: the whole installation (null) or one organization. */
export type ApplicationScope = { organizationId: string | null };

/**
 * Whether the caller may manage the applications of this scope. A global application
 * may sign in anyone (and, first-party, without asking), so it needs
 * `global-applications:manage`; an organization's needs `applications:manage` there, and
 * an organization the caller cannot see is not found.
 */
export async function authorizeApplicationScope(client: Tx | undefined, actor: Actor, { organizationId }: ApplicationScope): Promise<void> {
  if (organizationId !== null) {
    await authorizeOrganization(client, { actor, permission: "applications:manage", organizationId });
    return;
  }
  if (!can(actor, "global-applications:manage")) {
    throw new AppError("forbidden", "Managing global applications needs global-applications:manage.");
  }
}

/** Loads an application of the scope after authorizing the caller; another scope's application is not found. */
export async function getAuthorizedApplication(
  client: Tx | undefined,
  actor: Actor,
  scope: ApplicationScope,
  applicationId: string,
): Promise<Application> {
  await authorizeApplicationScope(client, actor, scope);
  if (!idField.safeParse(applicationId).success) throw notFound("Application");
  const application = await (client ?? db()).application.findFirst({ where: { id: applicationId, organizationId: scope.organizationId } });
  if (!application) throw notFound("Application");
  return application;
}
