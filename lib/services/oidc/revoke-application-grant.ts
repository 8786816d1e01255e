import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";
import { authorizeGrantOwner, grantsOf } from "@/lib/services/oidc/rules";

/**
 * Revokes everything a person granted an application: the grants go, and with them every
 * code and refresh token issued under them; its API access tokens name their grant (`gid`)
 * and stop at once, and its next sign-in asks for consent again (a third-party
 * application). An application the person never granted is not found. Audited.
 */
export async function revokeApplicationGrant({
  actor,
  userId,
  clientId,
}: {
  actor: Actor;
  userId: string;
  clientId: string;
}): Promise<void> {
  await authorizeGrantOwner(actor, userId, "users:write");
  const grants = await grantsOf(userId, clientId);
  if (grants.length === 0) throw notFound("Application");
  const grantIds = grants.map((grant) => grant.id);
  await db().$transaction(async (tx) => {
    await tx.oidcRecord.deleteMany({ where: { OR: [{ grantId: { in: grantIds } }, { kind: "Grant", id: { in: grantIds } }] } });
    const application = await tx.application.findUnique({ where: { clientId }, select: { id: true, organizationId: true } });
    await recordAuditEvent(tx, {
      action: "oidc.grant_revoked",
      actor,
      target: { type: "application", id: application?.id ?? null },
      after: { clientId, userId, grants: grantIds.length, scopes: [...new Set(grants.flatMap((grant) => grant.scopes))] },
      organizationId: application?.organizationId ?? null,
    });
  });
}
