import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/services/audit/record-audit-event";

export type SsoRefusal = "sso_no_email" | "sso_unverified_email" | "sso_account_disabled" | "sso_sign_up_disabled";

type SsoAttempt = { provider: string; providerAccountId: string; email: string | null; emailVerified: boolean };

async function refusalFor({ provider, providerAccountId, email, emailVerified }: SsoAttempt): Promise<SsoRefusal | null> {
  const linked = await db().account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    include: { user: { select: { status: true, deletedAt: true } } },
  });
  if (linked) return linked.user.status === "active" && !linked.user.deletedAt ? null : "sso_account_disabled";
  if (!email) return "sso_no_email";
  const existing = await db().user.findUnique({ where: { email }, select: { status: true, deletedAt: true } });
  if (!existing) return config().SIGN_UP_ENABLED ? null : "sso_sign_up_disabled";
  // Whoever controls an address at the provider must not get the account that owns it
  // here unless the provider has checked that they really own the address.
  if (!emailVerified) return "sso_unverified_email";
  return existing.status === "active" && !existing.deletedAt ? null : "sso_account_disabled";
}

/**
 * Decides whether an OpenID Connect sign-in may go ahead, before Auth.js creates or links
 * anything. Returns null to allow it, or the reason it is refused (which is audited).
 */
export async function checkSsoSignIn(attempt: SsoAttempt): Promise<SsoRefusal | null> {
  const refusal = await refusalFor(attempt);
  if (refusal) {
    await db().$transaction((tx) =>
      recordAuditEvent(tx, {
        action: "auth.sso_sign_in_refused",
        actor: { id: null, email: attempt.email },
        target: { type: "account", id: `${attempt.provider}:${attempt.providerAccountId}` },
        after: { reason: refusal },
      }),
    );
  }
  return refusal;
}
