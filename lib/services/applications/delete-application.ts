import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { toApplicationPublic } from "@/lib/services/applications/mappers";
import { getAuthorizedApplication, type ApplicationScope } from "@/lib/services/applications/rules";

/**
 * Removes an application. Its tokens stop working at once (the API and the provider look
 * the application up on every use); what the provider kept for it expires on its own.
 */
export async function deleteApplication({
  actor,
  organizationId,
  applicationId,
}: { actor: Actor; applicationId: string } & ApplicationScope): Promise<void> {
  const application = await getAuthorizedApplication(undefined, actor, { organizationId }, applicationId);
  await db().$transaction(async (tx) => {
    await tx.application.delete({ where: { id: application.id } });
    await recordAuditEvent(tx, {
      action: "application.deleted",
      actor,
      target: { type: "application", id: application.id },
      before: toApplicationPublic(application),
      organizationId,
    });
  });
}
