import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ApplicationWithSecret } from "@/lib/schemas/application";
import { generateClientSecret, secretRotationOverlapMs } from "@/lib/services/applications/client-secret";
import { toApplicationPublic } from "@/lib/services/applications/mappers";
import { getAuthorizedApplication, type ApplicationScope } from "@/lib/services/applications/rules";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/**
 * Gives a confidential application a new client secret, shown once. The old one keeps
 * working for 24 hours so a deployment can switch without downtime; a second rotation
 * within that window drops the oldest.
 */
export async function rotateApplicationSecret({
  actor,
  organizationId,
  applicationId,
}: { actor: Actor; applicationId: string } & ApplicationScope): Promise<ApplicationWithSecret> {
  const application = await getAuthorizedApplication(undefined, actor, { organizationId }, applicationId);
  if (!application.secretHash) {
    throw new AppError("conflict", "This application is public (a browser or native app): it has no secret to rotate.");
  }
  const { secret, digest } = generateClientSecret();
  const rotated = await db().$transaction(async (tx) => {
    const row = await tx.application.update({
      where: { id: application.id },
      data: {
        secretHash: digest,
        previousSecretHash: application.secretHash,
        previousSecretExpiresAt: new Date(Date.now() + secretRotationOverlapMs),
        version: { increment: 1 },
      },
    });
    await recordAuditEvent(tx, {
      action: "application.secret_rotated",
      actor,
      target: { type: "application", id: row.id },
      after: toApplicationPublic(row),
      organizationId,
    });
    return row;
  });
  return { ...toApplicationPublic(rotated), clientSecret: secret };
}
