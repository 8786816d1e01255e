import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/** Records that the person signed in to an application, and how; the application's last use moves too. */
export async function recordApplicationSignIn({
  actor,
  clientId,
  amr,
  acr,
}: {
  actor: Actor;
  clientId: string;
  amr: readonly string[];
  acr: string;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const application = await tx.application.findUnique({ where: { clientId }, select: { id: true, organizationId: true } });
    await tx.application.updateMany({ where: { clientId }, data: { lastUsedAt: new Date() } });
    await recordAuditEvent(tx, {
      action: "oidc.signed_in",
      actor,
      target: { type: "application", id: application?.id ?? null },
      after: { clientId, amr, acr },
      organizationId: application?.organizationId ?? null,
    });
  });
}

/** Records the person's answer to an application's request: what they allowed, or that they refused. */
export async function recordConsent({
  actor,
  clientId,
  grantId,
  scope,
}: {
  actor: Actor;
  clientId: string;
  grantId: string | null;
  scope: string;
}): Promise<void> {
  const application = await db().application.findUnique({ where: { clientId }, select: { organizationId: true } });
  await recordAuditEvent(db(), {
    action: grantId ? "oidc.consent_given" : "oidc.consent_refused",
    actor,
    target: { type: "grant", id: grantId },
    after: grantId ? { clientId, scope } : { clientId, reason: "refused by the person" },
    organizationId: application?.organizationId ?? null,
  });
}
