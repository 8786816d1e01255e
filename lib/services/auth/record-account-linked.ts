import "server-only";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

/** Audits that a provider's account now signs in as this user (Auth.js wrote the link). */
export async function recordAccountLinked({
  userId,
  provider,
  providerAccountId,
}: {
  userId: string;
  provider: string;
  providerAccountId: string;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true } });
    await recordAuditEvent(tx, {
      action: "auth.account_linked",
      actor: user,
      target: { type: "user", id: user.id },
      after: { provider, providerAccountId },
    });
  });
}
